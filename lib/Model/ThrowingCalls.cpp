//===--- ThrowingCalls.cpp - async-lint -----------------------------------===//
//
// Whether a call or an await that ThrowFinder meets throws: known throwing
// functions, visible bodies, virtual calls and their overriders, tasks and
// their combinators, operations read from their completion signatures.
//
//===----------------------------------------------------------------------===//

#include "Assertions.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CompletionSignatures.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FailureHandlers.h"
#include "NameMatcher.h"
#include "PathFacts.h"
#include "TaskFlow.h"
#include "ThrowFinder.h"
#include "clang/AST/Attr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model::throws {

namespace {

bool cannotThrow(const FunctionDecl *FD) {
  if (!FD || FD->isExternC() || FD->getBuiltinID() ||
      isa<CXXDestructorDecl>(FD))
    return true;
  const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
  return Proto && Proto->canThrow() == CT_Cannot;
}

/// True for a construction given one object (an I/O object's executor or
/// context, or another object of its kind to move from): it opens, binds and
/// connects nothing, so of a constructor known to throw on failure
/// (ThrowingFunctions) only the overloads that do can fail.
bool builtFromOneObject(const Expr &E) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(&E);
  return Construct && llvm::count_if(Construct->arguments(), [](const Expr *A) {
                        return !isa<CXXDefaultArgExpr>(A);
                      }) == 1;
}

/// True when \p FD takes an error code to fill (a non-const reference to
/// std::error_code or boost::system::error_code): of a function known to
/// throw on failure (ThrowingFunctions), that is the overload that reports
/// failure there instead (`acceptor.bind(ep, ec)`).
bool reportsThroughErrorCode(const FunctionDecl &FD) {
  return llvm::any_of(FD.parameters(), [](const ParmVarDecl *P) {
    QualType T = P->getType();
    const auto *RD = T->isLValueReferenceType() &&
                             !T.getNonReferenceType().isConstQualified()
                         ? T.getNonReferenceType()->getAsCXXRecordDecl()
                         : nullptr;
    if (!RD || !RD->getIdentifier() || RD->getName() != "error_code")
      return false;
    std::string Scope = RD->getQualifiedNameAsString();
    return Scope == "std::error_code" || Scope == "boost::system::error_code";
  });
}

/// True for a test of the object's own state that holds on a usable object:
/// a member (or its negation, or a comparison with nullptr), or a query of
/// the object that takes no argument (valid(), !empty()).
bool testsOwnState(const Expr *E) {
  E = strip(E, Wrappers::Condition);
  if (const auto *Not = dyn_cast<UnaryOperator>(E);
      Not && Not->getOpcode() == UO_LNot)
    return testsOwnState(Not->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_NE || BO->getOpcode() == BO_EQ))
    return testsEmptiness(E) ||
           (isa<CXXNullPtrLiteralExpr>(BO->getRHS()->IgnoreParenImpCasts()) &&
            isOwnStateOrParameter(BO->getLHS()));
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    const Expr *Object = Member->getImplicitObjectArgument();
    if (Method && !isa<CXXConversionDecl>(Method) && Method->isConst() &&
        Member->getNumArgs() == 0 && Object &&
        isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
      return true;
  }
  return isOwnStateOrParameter(E);
}

/// True when \p Cond is the parameter \p Param itself.
bool namesParameter(const Expr *Cond, const ParmVarDecl &Param) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(Cond, Wrappers::Condition));
  return Ref && Ref->getDecl() == &Param;
}

/// The index of the boolean parameter of an assert-like helper \p Fn: a
/// function whose body throws only when that parameter is false
/// (`if (ok) return; throw X(msg);` or `if (!ok) throw X(msg);`).
std::optional<unsigned> assertedParameter(const FunctionDecl &Fn) {
  const FunctionDecl *Def = Fn.getDefinition();
  const auto *Body =
      Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
  if (!Body || Body->size() == 0 || Body->size() > 2)
    return std::nullopt;
  const auto *If = dyn_cast<IfStmt>(bare(Body->body_front()));
  if (!If || If->getElse() || If->getInit() || If->getConditionVariable())
    return std::nullopt;
  for (unsigned I = 0; I < Def->getNumParams(); ++I) {
    const ParmVarDecl &Param = *Def->getParamDecl(I);
    if (!Param.getType()->isBooleanType())
      continue;
    // if (ok) return; throw ...;
    if (Body->size() == 2 && namesParameter(If->getCond(), Param) &&
        isa_and_nonnull<ReturnStmt>(bare(If->getThen())) &&
        onlyThrows(Body->body_back()))
      return I;
    // if (!ok) throw ...;
    const auto *Not =
        dyn_cast<UnaryOperator>(strip(If->getCond(), Wrappers::Condition));
    if (Body->size() == 1 && Not && Not->getOpcode() == UO_LNot &&
        namesParameter(Not->getSubExpr(), Param) && onlyThrows(If->getThen()))
      return I;
  }
  return std::nullopt;
}

/// The class an object expression is known to have at run time: a variable
/// or member of class type (not a reference), its address, or a local
/// pointer initialised with one of these or with new. Null when not seen.
const CXXRecordDecl *dynamicClass(const Expr *Object, unsigned Depth = 0) {
  Object = strip(Object, Wrappers::Syntax);
  if (!Object || Depth > 2)
    return nullptr;
  Object = Object->IgnoreParenImpCasts();
  if (const auto *Unary = dyn_cast<UnaryOperator>(Object);
      Unary &&
      (Unary->getOpcode() == UO_AddrOf || Unary->getOpcode() == UO_Deref))
    return dynamicClass(Unary->getSubExpr(), Depth);
  if (const auto *New = dyn_cast<CXXNewExpr>(Object))
    return New->getAllocatedType()->getAsCXXRecordDecl();
  const ValueDecl *D = nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
    D = Ref->getDecl();
  else if (const auto *Member = dyn_cast<MemberExpr>(Object))
    D = dyn_cast<FieldDecl>(Member->getMemberDecl());
  if (!D || D->getType()->isReferenceType())
    return nullptr;
  if (D->getType()->isPointerType()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var || !Var->isLocalVarDecl() || isa<ParmVarDecl>(Var))
      return nullptr;
    return dynamicClass(Var->getInit(), Depth + 1);
  }
  if (isa<ParmVarDecl>(D) && D->getType()->isRecordType())
    return D->getType()->getAsCXXRecordDecl();
  return D->getType()->getAsCXXRecordDecl();
}

} // namespace

/// True when \p Method is named by \p List (a policy list not given
/// names nothing).
static bool listed(const CXXMethodDecl &Method, const NameMatcher *List) {
  return List && List->matches(canonicalName(Method));
}

const VarDecl *ThrowFinder::testedForValue(const Expr *Cond, bool Holds) const {
  Cond = strip(Cond, Wrappers::Condition);
  if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return testedForValue(Not->getSubExpr(), !Holds);
  const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Cond);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method)
    return nullptr;
  // A test that the object holds a value proves it when true; a test that
  // it holds an error (async_simple's and folly's Try, folly's Expected)
  // proves it when false.
  bool Full = (isa<CXXConversionDecl>(Method) &&
               Method->getReturnType()->isBooleanType()) ||
              listed(*Method, Policy.ValueTests);
  bool Failed = listed(*Method, Policy.ErrorTests);
  if (!(Full && Holds) && !(Failed && !Holds))
    return nullptr;
  return referencedVariable(Member->getImplicitObjectArgument());
}

bool ThrowFinder::isValueAccessor(const CXXMemberCallExpr *Member) const {
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  return Method && listed(*Method, Policy.ValueAccessors);
}

bool ThrowFinder::valueTested(const Expr &E) const {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&E);
  return isValueAccessor(Member) && HasValue.contains(referencedVariable(
                                        Member->getImplicitObjectArgument()));
}

void ThrowFinder::forgetWritten(const Stmt *S) {
  forgetChanged(S, KnownIndex);
  if (HasValue.empty() || !S)
    return;
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (auto [Target, Value] = assignmentParts(&Child); Target)
      HasValue.erase(referencedVariable(Target));
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Child);
        Member && Member->getMethodDecl() &&
        !Member->getMethodDecl()->isConst() && !isValueAccessor(Member))
      HasValue.erase(referencedVariable(Member->getImplicitObjectArgument()));
    const auto *Call = dyn_cast<CallExpr>(&Child);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Call || isa<CXXMemberCallExpr>(Call) ||
        (Callee && Callee->isInStdNamespace()))
      return;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      QualType P = Callee && I < Callee->getNumParams()
                       ? Callee->getParamDecl(I)->getType()
                       : QualType();
      if (P.isNull() ||
          (P->isReferenceType() && !P.getNonReferenceType().isConstQualified()))
        HasValue.erase(referencedVariable(Call->getArg(I)));
    }
  });
}

bool ThrowFinder::callThrows(const FunctionDecl *Callee, const Expr &E) {
  if (valueTested(E))
    return false;
  // std::get<N>(v) where v is known to hold alternative N.
  if (std::optional<std::pair<const ValueDecl *, int64_t>> Read =
          alternativeRead(E)) {
    auto Known = KnownIndex.find(Read->first);
    if (Known != KnownIndex.end() && Known->second == Read->second)
      return false;
  }
  if (!Callee) {
    const auto *Call = dyn_cast<CallExpr>(&E);
    return Policy.AnyCall && Call &&
           !Call->getCallee()->getType()->isDependentType();
  }
  if (cannotThrow(Callee))
    return false;
  // In a called function, an assert-like helper given a test of the
  // object's own state (logicAssert(valid(), "...")) throws only when the
  // call is misused, like `if (!m_state) throw ...;` below.
  if (CallDepth > 0)
    if (const auto *Call = dyn_cast<CallExpr>(&E))
      if (std::optional<unsigned> Asserted = assertedParameter(*Callee);
          Asserted && *Asserted < Call->getNumArgs() &&
          testsOwnState(Call->getArg(*Asserted)))
        return false;
  // Calling a coroutine creates its frame; its body's exceptions surface
  // where it is awaited.
  if (const FunctionDecl *Def = Callee->getDefinition();
      Def && getCoroutineBody(*Def))
    return false;
  // A constant is computed at compile time (chrono literals, tokens).
  if (Callee->isConstexpr() && !E.isValueDependent() &&
      E.isCXX11ConstantExpr(Ctx))
    return false;
  if (Policy.AnyCall)
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
      Method && Method->isVirtual() && !Policy.AnyCall)
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&E))
      return virtualCallThrows(*Method, *Member);
  if (Policy.ThrowingFunctions && !builtFromOneObject(E) &&
      !reportsThroughErrorCode(*Callee) &&
      Policy.ThrowingFunctions->matches(canonicalName(*Callee)))
    return true;
  return bodyThrows(Callee);
}

bool ThrowFinder::virtualCallThrows(const CXXMethodDecl &Method,
                                    const CXXMemberCallExpr &Call) {
  const Expr *Object = Call.getImplicitObjectArgument();
  bool Qualified = false;
  if (const auto *Member =
          dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParenImpCasts()))
    Qualified = Member->hasQualifier(); // Base::f(): no dispatch
  if (const CXXRecordDecl *Dynamic =
          Qualified ? nullptr : dynamicClass(Object)) {
    if (const CXXMethodDecl *Final =
            Method.getCorrespondingMethodInClass(Dynamic, true))
      return nonVirtualCallThrows(Final, Call);
  }
  if (!nonVirtualCallThrows(&Method, Call))
    return false;
  if (Qualified || !Policy.Overrides || Method.hasAttr<FinalAttr>() ||
      Method.getParent()->hasAttr<FinalAttr>())
    return true;
  for (const CXXMethodDecl *Other : Policy.Overrides->overriders(Method, Ctx))
    if (!nonVirtualCallThrows(Other, Call))
      return false;
  return true;
}

bool ThrowFinder::nonVirtualCallThrows(const CXXMethodDecl *Method,
                                       const CXXMemberCallExpr &Call) {
  if (cannotThrow(Method))
    return false;
  if (Policy.ThrowingFunctions &&
      Policy.ThrowingFunctions->matches(canonicalName(*Method)))
    return true;
  return bodyThrows(Method);
}

bool ThrowFinder::bodyThrows(const FunctionDecl *Callee, bool Combinator) {
  const FunctionDecl *Def = Callee->getDefinition();
  if (!Def || !Def->getBody() || CallDepth >= 3 ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return false;
  ThrowFinder Inner(Policy, Ctx, CallDepth + 1, Combinator);
  Inner.find(getUserBody(*Def));
  return Inner.result() != nullptr;
}

std::optional<bool> ThrowFinder::taskThrows(const CallExpr &Call,
                                            unsigned Depth) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
  bool IsCoroutine = Def && getCoroutineBody(*Def);
  // The tasks combined: known to throw, known not to, or unknown.
  llvm::SmallVector<std::optional<bool>, 4> Tasks;
  for (const Expr *Arg : Call.arguments()) {
    if (Depth > 8)
      break;
    const Expr *Bare = Arg;
    for (const Expr *Prev = nullptr; Bare != Prev;) {
      Prev = Bare;
      Bare = Bare->IgnoreParens()->IgnoreImplicit();
    }
    std::optional<bool> Inner;
    if (const auto *InnerCall = dyn_cast<CallExpr>(Bare))
      Inner = taskThrows(*InnerCall, Depth + 1);
    if (Inner || isTaskType(Bare->getType()))
      Tasks.push_back(Inner);
  }
  if (!IsCoroutine && Tasks.empty())
    return std::nullopt;
  auto Throws = [](std::optional<bool> T) { return T && *T; };
  if (Callee && Policy.FirstSuccessCombinators &&
      Policy.FirstSuccessCombinators->matches(canonicalName(*Callee)))
    return !Tasks.empty() && llvm::all_of(Tasks, Throws);
  if (IsCoroutine && bodyThrows(Def, /*Combinator=*/!Tasks.empty()))
    return true;
  if (llvm::any_of(Tasks, Throws))
    return true;
  if (IsCoroutine)
    return Policy.AnyCall;
  return std::nullopt;
}

std::optional<bool> ThrowFinder::signatureReportsFailure(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec)
    return std::nullopt;
  return signaturesReportFailure(Spec->getTemplateArgs().asArray());
}

bool ThrowFinder::uncancellable(const CallExpr &Call) const {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Policy.CancelOnlyOperations ||
      !Policy.CancelOnlyOperations->matches(canonicalName(*Method)))
    return false;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
      strip(Member->getImplicitObjectArgument(), Wrappers::Syntax));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->isLocalVarDecl() || Var->isStaticLocal() ||
      Var->getType()->isReferenceType() || Var->getType()->isPointerType())
    return false;
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
  const Stmt *Body = Owner ? Owner->getBody() : nullptr;
  return Body && onlyMemberCallsOn(Body, *Var);
}

bool ThrowFinder::onlyMemberCallsOn(const Stmt *S, const VarDecl &Var,
                                    bool InLambda) {
  if (!S)
    return true;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
        strip(Call->getImplicitObjectArgument(), Wrappers::Syntax));
    if (Ref && Ref->getDecl() == &Var) {
      if (InLambda)
        return false;
      for (const Expr *Arg : Call->arguments())
        if (!onlyMemberCallsOn(Arg, Var, InLambda))
          return false;
      return true;
    }
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() != &Var;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() && Capture.getCapturedVar() == &Var)
        return false;
    return onlyMemberCallsOn(Lambda->getBody(), Var, /*InLambda=*/true);
  }
  for (const Stmt *Child : S->children())
    if (!onlyMemberCallsOn(Child, Var, InLambda))
      return false;
  return true;
}

bool ThrowFinder::awaitThrows(const CoroutineSuspendExpr &Await) {
  const Expr *Operand = Await.getOperand();
  for (const Expr *Prev = nullptr; Operand != Prev;) {
    Prev = Operand;
    Operand = Operand->IgnoreParens()->IgnoreImplicit();
  }
  if (Policy.NonSuspending)
    if (const CXXRecordDecl *RD =
            Operand->getType().getNonReferenceType()->getAsCXXRecordDecl())
      if (Policy.NonSuspending->matches(canonicalName(*RD)))
        return false;
  const auto *Resume = dyn_cast_or_null<CallExpr>(
      Await.getResumeExpr() ? Await.getResumeExpr()->IgnoreImplicit()
                            : nullptr);
  if (!Resume || cannotThrow(Resume->getDirectCallee()))
    return false;
  if (Policy.AwaitedParameters &&
      (awaitedTaskParameter(Await) || awaitedTaskMaker(Await)))
    return true;
  const auto *Call = dyn_cast<CallExpr>(Operand);
  if (!Call)
    return Policy.AnyCall;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (std::optional<bool> Throws = taskThrows(*Call))
    return *Throws;
  // The completion signature, where the operation's type carries it
  // (asio's deferred_async_operation<void(error_code, size_t), ...>): one
  // that completes with neither an error code nor an exception_ptr first
  // reports no failure, whatever the token.
  if (std::optional<bool> Fails = signatureReportsFailure(Call->getType());
      Fails && !*Fails)
    return false;
  // Else the signature the initiating function names where it starts the
  // operation (asio's dispatch: async_initiate<Token, void()>).
  if (std::optional<bool> Fails =
          initiatedSignatureReportsFailure(Callee, nullptr);
      Fails && !*Fails)
    return false;
  // An asynchronous operation throws when its completion token, the last
  // argument of class type (written or defaulted), says so; another token
  // (asio's as_tuple_t, redirect_error_t) reports failure as a value.
  for (unsigned I = Call->getNumArgs(); I > 0; --I) {
    const CXXRecordDecl *RD = Call->getArg(I - 1)
                                  ->getType()
                                  .getNonReferenceType()
                                  ->getAsCXXRecordDecl();
    if (!RD)
      continue;
    std::string Token = canonicalName(*RD);
    if (Policy.ThrowingTokens && Policy.ThrowingTokens->matches(Token))
      return !uncancellable(*Call);
    if (StringRef(Token).ends_with("_t"))
      return false;
    break;
  }
  if (Callee)
    return callThrows(Callee, *Call);
  return Policy.AnyCall;
}

} // namespace clang::tidy::async::model::throws
