//===--- Exceptions.cpp - async-lint --------------------------------------===//

#include "Exceptions.h"
#include "Assertions.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "PathFacts.h"
#include "TaskFlow.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

bool cannotThrow(const FunctionDecl *FD) {
  if (!FD || FD->isExternC() || FD->getBuiltinID() ||
      isa<CXXDestructorDecl>(FD))
    return true;
  const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
  return Proto && Proto->canThrow() == CT_Cannot;
}

/// True when the handler catches every exception a library throws.
bool catchesAll(const CXXCatchStmt &Handler) {
  QualType T = Handler.getCaughtType();
  if (T.isNull())
    return true; // catch (...)
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && canonicalName(*RD) == "::std::exception";
}

/// True for a member of the object (m_state, this->p) or a parameter.
bool isOwnStateOrParameter(const Expr *E) {
  E = strip(E, Wrappers::Condition);
  // Through a conversion to bool: !static_cast<bool>(p).
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E);
      Member && isa_and_nonnull<CXXConversionDecl>(Member->getMethodDecl()))
    E = Member->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast<MemberExpr>(E))
    return isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<ParmVarDecl>(Ref->getDecl());
  return false;
}

/// True when \p Cond tests that a member of the object or a parameter is
/// empty or null: !m_state, !static_cast<bool>(p), p == nullptr.
bool testsEmptiness(const Expr *Cond) {
  Cond = strip(Cond, Wrappers::Condition);
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return isOwnStateOrParameter(Not->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_EQ)
    return (isa<CXXNullPtrLiteralExpr>(BO->getRHS()->IgnoreParenImpCasts()) &&
            isOwnStateOrParameter(BO->getLHS())) ||
           (isa<CXXNullPtrLiteralExpr>(BO->getLHS()->IgnoreParenImpCasts()) &&
            isOwnStateOrParameter(BO->getRHS()));
  return false;
}

/// True when \p S is only a throw: `throw X;` or `{ throw X; }`.
bool onlyThrows(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    S = Compound->size() == 1 ? Compound->body_front() : nullptr;
  const auto *E = dyn_cast_or_null<Expr>(S);
  return E && isa<CXXThrowExpr>(E->IgnoreImplicit());
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

/// \p S without attributes ([[likely]]) and one-statement braces.
const Stmt *bare(const Stmt *S) {
  for (unsigned I = 0; S && I < 4; ++I) {
    if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
      S = Attributed->getSubStmt();
    else if (const auto *Compound = dyn_cast<CompoundStmt>(S);
             Compound && Compound->size() == 1)
      S = Compound->body_front();
    else
      break;
  }
  return S;
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

/// True for std::exception_ptr (libstdc++ declares it in a nested
/// namespace and names it in std with a using-declaration).
bool isExceptionPtr(QualType T) {
  const CXXRecordDecl *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "exception_ptr" &&
         StringRef(canonicalName(*RD)).starts_with("::std::");
}

/// True when \p E uses a std::exception_ptr: a throw or call that hands on
/// an exception caught earlier (rethrow_exception(e), throw X(e)).
bool mentionsExceptionPtr(const Stmt *S) {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (const auto *E = dyn_cast<DeclRefExpr>(&Child))
      Found = Found || isExceptionPtr(E->getType());
  });
  return Found;
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

/// What the completion signatures among \p Args (also inside packs) say of
/// failure: true when one of them has an error code or an exception_ptr as
/// its first parameter (\p Failure receives that type), false when none
/// has; empty when \p Args carry no signature (no function type).
std::optional<bool> signaturesReportFailure(ArrayRef<TemplateArgument> Args,
                                            QualType *Failure = nullptr) {
  std::optional<bool> Result;
  for (const TemplateArgument &Arg : Args) {
    std::optional<bool> Own;
    if (Arg.getKind() == TemplateArgument::Pack) {
      Own = signaturesReportFailure(Arg.pack_elements(), Failure);
    } else if (Arg.getKind() == TemplateArgument::Type) {
      // The canonical type: a signature named through a typedef
      // (traits::completion_handler) is still a function type.
      const auto *Signature =
          Arg.getAsType().getCanonicalType()->getAs<FunctionProtoType>();
      if (!Signature)
        continue;
      Own = false;
      if (Signature->getNumParams() > 0) {
        QualType First = Signature->getParamType(0);
        if (isExceptionPtr(First) ||
            StringRef(canonicalTypeName(First)).ends_with("error_code")) {
          Own = true;
          if (Failure && Failure->isNull())
            *Failure = First;
        }
      }
    }
    if (Own)
      Result = (Result && *Result) || *Own;
  }
  return Result;
}

/// The completion signatures an initiating function names where it starts
/// its operation: the template arguments of the call its body returns
/// (asio's `return async_initiate<Token, void()>(...)`, or a static member
/// of a class template specialization such as async_result<Token, Sig>),
/// followed through a function that returns another initiating call, at
/// most \p Depth levels. With use_awaitable the operation's type
/// (awaitable<void>) does not carry the signature; the initiation does.
std::optional<bool> initiatedSignatureReportsFailure(const FunctionDecl *Fn,
                                                     QualType *Failure,
                                                     unsigned Depth = 2) {
  const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || getCoroutineBody(*Def))
    return std::nullopt;
  // The one value the body returns.
  const CallExpr *Returned = nullptr;
  unsigned Returns = 0;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
      ++Returns;
      Returned = dyn_cast_or_null<CallExpr>(
          strip(Return->getRetValue(), Wrappers::Object));
    }
  });
  const FunctionDecl *Initiation =
      Returns == 1 && Returned ? Returned->getDirectCallee() : nullptr;
  if (!Initiation)
    return std::nullopt;
  if (const TemplateArgumentList *Args =
          Initiation->getTemplateSpecializationArgs())
    if (std::optional<bool> Fails =
            signaturesReportFailure(Args->asArray(), Failure))
      return Fails;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(
          Initiation->getDeclContext()))
    if (std::optional<bool> Fails =
            signaturesReportFailure(Spec->getTemplateArgs().asArray(), Failure))
      return Fails;
  if (Depth == 0)
    return std::nullopt;
  return initiatedSignatureReportsFailure(Initiation, Failure, Depth - 1);
}

/// Alternatives of std::variant variables known to be held.
using IndexFacts = llvm::DenseMap<const VarDecl *, int64_t>;

/// What \p Cond states of the alternative a std::variant variable holds
/// when it has the value \p Holds: v.index() == N (either way round, also
/// negated, and both sides of a conjunction that holds), added to \p Out.
void learnIndex(const Expr *Cond, bool Holds, IndexFacts &Out,
                const ASTContext &Ctx, unsigned Depth = 0) {
  Cond = strip(Cond, Wrappers::Condition);
  if (!Cond || Depth > 8)
    return;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return learnIndex(Not->getSubExpr(), !Holds, Out, Ctx, Depth + 1);
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return;
  if ((BO->getOpcode() == BO_LAnd && Holds) ||
      (BO->getOpcode() == BO_LOr && !Holds)) {
    learnIndex(BO->getLHS(), Holds, Out, Ctx, Depth + 1);
    learnIndex(BO->getRHS(), Holds, Out, Ctx, Depth + 1);
    return;
  }
  if (!((BO->getOpcode() == BO_EQ && Holds) ||
        (BO->getOpcode() == BO_NE && !Holds)))
    return;
  for (auto [Query, Value] : {std::pair(BO->getLHS(), BO->getRHS()),
                              std::pair(BO->getRHS(), BO->getLHS())}) {
    const auto *Member =
        dyn_cast<CXXMemberCallExpr>(strip(Query, Wrappers::Condition));
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (!Method || !Method->getIdentifier() || Method->getName() != "index" ||
        Member->getNumArgs() != 0 ||
        canonicalName(*Method->getParent()) != "::std::variant")
      continue;
    const VarDecl *Var =
        referencedVariable(Member->getImplicitObjectArgument());
    std::optional<llvm::APSInt> N = Value->isValueDependent()
                                        ? std::nullopt
                                        : Value->getIntegerConstantExpr(Ctx);
    if (Var && N)
      Out[Var] = N->getExtValue();
  }
}

/// The variable and the alternative std::get<N>(v) reads (of a variant;
/// std::get of a tuple never throws and is not asked about).
std::optional<std::pair<const VarDecl *, int64_t>>
alternativeRead(const Expr &E) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const TemplateArgumentList *Args =
      Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
  if (!Args || !Callee->isInStdNamespace() || !Callee->getIdentifier() ||
      Callee->getName() != "get" || Call->getNumArgs() != 1 ||
      Args->size() == 0 || Args->get(0).getKind() != TemplateArgument::Integral)
    return std::nullopt;
  const VarDecl *Var = referencedVariable(Call->getArg(0));
  if (!Var)
    return std::nullopt;
  return std::pair(Var, Args->get(0).getAsIntegral().getExtValue());
}

/// Drops from \p Facts the variables \p S may change: assigned, given to a
/// non-const member function (emplace, swap), or bound to a non-const
/// reference parameter of a function outside std.
void forgetChanged(const Stmt *S, IndexFacts &Facts) {
  if (Facts.empty() || !S)
    return;
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (auto [Target, Value] = assignmentParts(&Child); Target)
      if (const VarDecl *Var = referencedVariable(Target))
        Facts.erase(Var);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Child);
        Member && Member->getMethodDecl() &&
        !Member->getMethodDecl()->isConst())
      if (const VarDecl *Var =
              referencedVariable(Member->getImplicitObjectArgument()))
        Facts.erase(Var);
    if (const auto *Call = dyn_cast<CallExpr>(&Child)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Callee && Callee->isInStdNamespace())
        return;
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        bool ByRef = !Callee || I >= Callee->getNumParams() ||
                     (Callee->getParamDecl(I)->getType()->isReferenceType() &&
                      !Callee->getParamDecl(I)
                           ->getType()
                           .getNonReferenceType()
                           .isConstQualified());
        if (ByRef)
          if (const VarDecl *Var = referencedVariable(Call->getArg(I)))
            Facts.erase(Var);
      }
    }
  });
}

/// The types an escaping point may throw: classes, compared by canonical
/// declaration, and whether it may also throw something not known.
struct ThrownTypes {
  llvm::SmallPtrSet<const CXXRecordDecl *, 4> Records;
  bool Unknown = false;
  void merge(const ThrownTypes &Other) {
    Records.insert(Other.Records.begin(), Other.Records.end());
    Unknown |= Other.Unknown;
  }
  static ThrownTypes unknown() {
    ThrownTypes T;
    T.Unknown = true;
    return T;
  }
};

/// True when \p Handler catches an exception of class \p Thrown: its type
/// is that class or a base of it (through typedefs and aliases). Access to
/// the base is not checked.
bool handlerCatches(const CXXCatchStmt &Handler, const CXXRecordDecl &Thrown) {
  QualType T = Handler.getCaughtType();
  if (T.isNull())
    return true;
  const CXXRecordDecl *Caught = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Caught)
    return false;
  Caught = Caught->getCanonicalDecl();
  const CXXRecordDecl *Def = Thrown.getDefinition();
  return Thrown.getCanonicalDecl() == Caught ||
         (Def && Caught->hasDefinition() && Def->isDerivedFrom(Caught));
}

class ThrowFinder {
public:
  ThrowFinder(const ThrowPolicy &Policy, ASTContext &Ctx, unsigned Depth,
              bool InputsRethrown = false)
      : Policy(Policy), Ctx(Ctx), CallDepth(Depth),
        InputsRethrown(InputsRethrown) {}

  /// The escaping points of \p S by kind: a throw, an await, a call.
  const Stmt *First[3] = {nullptr, nullptr, nullptr};

  void find(const Stmt *S, unsigned Depth = 0) {
    if (!S || Depth > 256)
      return;
    if (const auto *Try = dyn_cast<CXXTryStmt>(S))
      return findInTry(*Try, Depth);
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : Lambda->capture_inits())
        find(Init, Depth + 1);
      return;
    }
    if (isa<UnaryExprOrTypeTraitExpr, CXXNoexceptExpr, RequiresExpr,
            ConceptSpecializationExpr, BlockExpr, DeclRefExpr>(S))
      return;
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          find(VD->getInit(), Depth + 1);
      return;
    }
    if (const auto *Throw = dyn_cast<CXXThrowExpr>(S)) {
      // In a combinator, a throw of the exception_ptr a combined task
      // failed with is that task's exception, judged at the task.
      if (InputsRethrown && mentionsExceptionPtr(Throw->getSubExpr()))
        return;
      return record(0, S);
    }
    if (const auto *If = dyn_cast<IfStmt>(S))
      return findInIf(*If, Depth);
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return findInBlock(*Block, Depth);
    // A loop body may change a variant before the next round reads it.
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
      forgetChanged(S, KnownIndex);
    if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(S)) {
      find(Await->getOperand(), Depth + 1);
      if (awaitThrows(*Await))
        record(1, S);
      return;
    }
    if (const auto *Return = dyn_cast<CoreturnStmt>(S);
        Return && Return->isImplicit())
      return;
    // Operands first: they are evaluated before the call.
    for (const Stmt *Child : S->children())
      find(Child, Depth + 1);
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      // rethrow_exception(e) in a combinator: as above.
      if (InputsRethrown &&
          llvm::any_of(Call->arguments(), [](const Expr *Arg) {
            return isExceptionPtr(Arg->getType());
          }))
        return;
      if (callThrows(Call->getDirectCallee(), *Call))
        record(2, S);
    } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Ctor && !Ctor->isTrivial() && callThrows(Ctor, *Construct))
        record(2, S);
    }
  }

  /// A try block's throws escape unless a handler catches everything or,
  /// for a throw whose types are all known, one of them (catch of
  /// std::runtime_error around code that throws only runtime_error); the
  /// handlers' own throws escape.
  void findInTry(const CXXTryStmt &Try, unsigned Depth) {
    bool Protected = false;
    for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
      Protected |= catchesAll(*Try.getHandler(I));
    if (!Protected) {
      Trys.push_back(&Try);
      find(Try.getTryBlock(), Depth + 1);
      Trys.pop_back();
    }
    for (unsigned I = 0; I < Try.getNumHandlers(); ++I)
      find(Try.getHandler(I)->getHandlerBlock(), Depth + 1);
  }

  /// The statements of a block in order; what an assertion (ASIO_CHECK,
  /// assert, an assert-like function) or an early exit states of a variant's
  /// alternative holds for the statements after it, until one changes the
  /// variant, and ends with the block.
  void findInBlock(const CompoundStmt &Block, unsigned Depth) {
    IndexFacts Saved = KnownIndex;
    for (const Stmt *Child : Block.body()) {
      find(Child, Depth + 1);
      forgetChanged(Child, KnownIndex);
      learnFrom(*Child);
    }
    KnownIndex = std::move(Saved);
    forgetChanged(&Block, KnownIndex);
  }

  /// What the statement \p S, once passed, states of variants.
  void learnFrom(const Stmt &S) {
    const SourceManager &SM = Ctx.getSourceManager();
    bool Holds = true;
    if (isAssertionMacro(S, {}, Ctx)) {
      if (const Expr *Test = assertionFailureTest(&S, SM, Holds))
        learnIndex(Test, Holds, KnownIndex, Ctx);
      return;
    }
    // if (v.index() != 1) return;
    if (const auto *If = dyn_cast<IfStmt>(&S)) {
      const Stmt *Then = bare(If->getThen());
      if (!If->getElse() && !If->getInit() && !If->getConditionVariable() &&
          (isa_and_nonnull<ReturnStmt, CoreturnStmt>(Then) || stops(Then)))
        learnIndex(If->getCond(), /*Holds=*/false, KnownIndex, Ctx);
      return;
    }
    const auto *Call = dyn_cast_or_null<CallExpr>(
        strip(dyn_cast<Expr>(&S), Wrappers::Implicit));
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return;
    if (std::optional<unsigned> Param = assertedBoolParameter(*Callee);
        Param && *Param < Call->getNumArgs())
      learnIndex(Call->getArg(*Param), /*Holds=*/true, KnownIndex, Ctx);
  }

  void findInIf(const IfStmt &If, unsigned Depth) {
    // In a called function, a throw reached only when the object or an
    // argument is empty (a precondition: the call is misused) is not a
    // failure the caller has to expect.
    if (CallDepth > 0 && !If.getElse() && !If.getInit() &&
        !If.getConditionVariable() && onlyThrows(If.getThen()) &&
        testsEmptiness(If.getCond()))
      return find(If.getCond(), Depth + 1);
    // `if (o.has_value()) ... o.value()`: the value is there.
    const VarDecl *Tested = testedForValue(If.getCond());
    find(If.getInit(), Depth + 1);
    find(If.getConditionVariableDeclStmt(), Depth + 1);
    find(If.getCond(), Depth + 1);
    bool Added = Tested && HasValue.insert(Tested).second;
    // `if (v.index() == 1) ... std::get<1>(v)`: the alternative is there.
    IndexFacts Saved = KnownIndex;
    learnIndex(If.getCond(), /*Holds=*/true, KnownIndex, Ctx);
    find(If.getThen(), Depth + 1);
    if (Added)
      HasValue.erase(Tested);
    KnownIndex = Saved;
    learnIndex(If.getCond(), /*Holds=*/false, KnownIndex, Ctx);
    find(If.getElse(), Depth + 1);
    KnownIndex = std::move(Saved);
    forgetChanged(&If, KnownIndex);
  }

  const Stmt *result() const {
    for (const Stmt *S : First)
      if (S)
        return S;
    return nullptr;
  }

  /// In collecting mode, the types of every escaping point go here.
  ThrownTypes *Collect = nullptr;

private:
  void record(unsigned Kind, const Stmt *S) {
    if (!Trys.empty() || Collect) {
      ThrownTypes Types = typesOf(Kind, *S);
      if (covered(Types))
        return;
      if (Collect)
        Collect->merge(Types);
    }
    if (!First[Kind])
      First[Kind] = S;
  }

  /// True when a handler of an enclosing try block of this body catches
  /// every type \p Types holds; a throw of a type not known is caught only
  /// by a handler that catches everything (those try blocks are not
  /// searched at all).
  bool covered(const ThrownTypes &Types) const {
    if (Trys.empty() || Types.Unknown)
      return false;
    return llvm::all_of(Types.Records, [&](const CXXRecordDecl *Thrown) {
      return llvm::any_of(Trys, [&](const CXXTryStmt *Try) {
        for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
          if (handlerCatches(*Try->getHandler(I), *Thrown))
            return true;
        return false;
      });
    });
  }

  /// The types the escaping point \p S of kind \p Kind may throw.
  ThrownTypes typesOf(unsigned Kind, const Stmt &S) {
    if (Kind == 0) {
      // A rethrow (throw;) or a throw of a non-class: not known here.
      const Expr *Thrown = cast<CXXThrowExpr>(S).getSubExpr();
      const CXXRecordDecl *RD =
          Thrown ? Thrown->getType()->getAsCXXRecordDecl() : nullptr;
      if (!RD)
        return ThrownTypes::unknown();
      ThrownTypes T;
      T.Records.insert(RD->getCanonicalDecl());
      return T;
    }
    if (Kind == 1)
      return awaitTypes(cast<CoroutineSuspendExpr>(S));
    const FunctionDecl *Callee = nullptr;
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Callee = Call->getDirectCallee();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
      Callee = Construct->getConstructor();
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (!Callee || (Method && Method->isVirtual()) ||
        (Policy.ThrowingFunctions &&
         Policy.ThrowingFunctions->matches(canonicalName(*Callee))))
      return ThrownTypes::unknown();
    return bodyTypes(Callee);
  }

  /// The types the visible body of \p Fn (user code) may throw; not known
  /// when it is not visible or too deep.
  ThrownTypes bodyTypes(const FunctionDecl *Fn) {
    const FunctionDecl *Def = Fn ? Fn->getDefinition() : nullptr;
    if (!Def || !Def->getBody() || CallDepth >= 3 ||
        Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      return ThrownTypes::unknown();
    ThrownTypes T;
    ThrowFinder Inner(Policy, Ctx, CallDepth + 1);
    Inner.Collect = &T;
    Inner.find(getUserBody(*Def));
    return T;
  }

  /// The types an await may throw: a coroutine's body's; the exception_ptr
  /// an operation on a task reports (asio's coro::async_resume, completion
  /// void(exception_ptr, T)) carries what the task's coroutine throws.
  /// Anything else (an error code turned into system_error, a combination)
  /// is not known.
  ThrownTypes awaitTypes(const CoroutineSuspendExpr &Await) {
    const auto *Call =
        dyn_cast_or_null<CallExpr>(strip(Await.getOperand(), Wrappers::Object));
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return ThrownTypes::unknown();
    if (const FunctionDecl *Def = Callee->getDefinition();
        Def && getCoroutineBody(*Def)) {
      bool Combines = llvm::any_of(Call->arguments(), [](const Expr *Arg) {
        return isTaskType(Arg->IgnoreImplicit()->getType());
      });
      return Combines ? ThrownTypes::unknown() : bodyTypes(Def);
    }
    QualType Failure;
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (Member && initiatedSignatureReportsFailure(Callee, &Failure) &&
        isExceptionPtr(Failure))
      if (const FunctionDecl *Task =
              taskCoroutine(Member->getImplicitObjectArgument()))
        return bodyTypes(Task);
    return ThrownTypes::unknown();
  }

  /// The variable \p Cond tests for a value: o.has_value(), o, bool(o).
  static const VarDecl *testedForValue(const Expr *Cond) {
    Cond = strip(Cond, Wrappers::Condition);
    const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Cond);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    if (!Method ||
        !(isa<CXXConversionDecl>(Method) ||
          (Method->getIdentifier() && Method->getName() == "has_value")))
      return nullptr;
    return referencedVariable(Member->getImplicitObjectArgument());
  }

  /// o.value() where o was tested for a value on the way here.
  bool valueTested(const Expr &E) const {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(&E);
    const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
    return Method && Method->getIdentifier() && Method->getName() == "value" &&
           HasValue.contains(
               referencedVariable(Member->getImplicitObjectArgument()));
  }

  bool callThrows(const FunctionDecl *Callee, const Expr &E) {
    if (valueTested(E))
      return false;
    // std::get<N>(v) where v is known to hold alternative N.
    if (std::optional<std::pair<const VarDecl *, int64_t>> Read =
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
    if (Policy.ThrowingFunctions &&
        Policy.ThrowingFunctions->matches(canonicalName(*Callee)))
      return true;
    return bodyThrows(Callee);
  }

  /// A call of a virtual function: the body that runs when the object's
  /// dynamic type is visible; else every body that may run must throw (the
  /// declaration's, which may be a "not implemented" default, and those of
  /// the overriders the translation unit has).
  bool virtualCallThrows(const CXXMethodDecl &Method,
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

  /// callThrows for a function that is not dispatched further.
  bool nonVirtualCallThrows(const CXXMethodDecl *Method,
                            const CXXMemberCallExpr &Call) {
    if (cannotThrow(Method))
      return false;
    if (Policy.ThrowingFunctions &&
        Policy.ThrowingFunctions->matches(canonicalName(*Method)))
      return true;
    return bodyThrows(Method);
  }

  /// True when the visible definition of \p Callee, in user code, throws.
  bool bodyThrows(const FunctionDecl *Callee, bool Combinator = false) {
    const FunctionDecl *Def = Callee->getDefinition();
    if (!Def || !Def->getBody() || CallDepth >= 3 ||
        Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
      return false;
    ThrowFinder Inner(Policy, Ctx, CallDepth + 1, Combinator);
    Inner.find(getUserBody(*Def));
    return Inner.result() != nullptr;
  }

  /// Whether awaiting the task \p Call returns throws, when it is a call of a
  /// coroutine or a combination of tasks (when_all, asio's a && b): the
  /// coroutine's own body (in a combinator, less what it rethrows from the
  /// tasks' exception_ptrs) and the tasks it combines, any of them, or all
  /// of them for a combinator that fails only when every task fails (asio's
  /// a || b). Empty when it is neither, or when nothing throws in a
  /// combination the check cannot see into.
  std::optional<bool> taskThrows(const CallExpr &Call, unsigned Depth = 0) {
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

  /// Whether an operation of type \p T reports failure, read from the
  /// completion signature among its template arguments: its first parameter
  /// is an error code or an exception_ptr. Empty when \p T has none.
  static std::optional<bool> signatureReportsFailure(QualType T) {
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl());
    if (!Spec)
      return std::nullopt;
    return signaturesReportFailure(Spec->getTemplateArgs().asArray());
  }

  /// True for a call of an operation whose only failure is cancellation
  /// (CancelOnlyOperations) on a local object that nothing but this
  /// function's own member calls reaches: no reference, pointer or capture
  /// of it, so nothing can cancel the operation while the function waits
  /// for it; the function's own calls run before or after the wait. The
  /// task's own cancellation is not counted: a detached spawn or a plain
  /// handler carries no cancellation slot, and a combinator that cancels
  /// the operation (a || b) receives the failure itself.
  bool uncancellable(const CallExpr &Call) const {
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

  /// True when every use of \p Var in \p S, nested lambdas included, is
  /// the object of a member call made by \p S itself.
  static bool onlyMemberCallsOn(const Stmt *S, const VarDecl &Var,
                                bool InLambda = false) {
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

  bool awaitThrows(const CoroutineSuspendExpr &Await) {
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

  const ThrowPolicy &Policy;
  ASTContext &Ctx;
  unsigned CallDepth;
  /// The body is a combinator's: what it rethrows from an exception_ptr
  /// comes from the tasks it was given.
  bool InputsRethrown;
  /// Variables tested for a value by an enclosing if.
  llvm::SmallPtrSet<const VarDecl *, 4> HasValue;
  /// Variants known, at the point being searched, to hold an alternative.
  IndexFacts KnownIndex;
  /// The try blocks of this body around the point being searched whose
  /// handlers do not catch everything.
  llvm::SmallVector<const CXXTryStmt *, 2> Trys;
};

} // namespace

namespace {

/// Collects, for each virtual function, the functions that override it.
class OverrideCollector : public RecursiveASTVisitor<OverrideCollector> {
public:
  explicit OverrideCollector(
      llvm::DenseMap<const CXXMethodDecl *,
                     llvm::SmallVector<const CXXMethodDecl *, 2>> &Map)
      : Map(Map) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBodies() const { return true; }

  bool VisitCXXMethodDecl(CXXMethodDecl *Method) {
    if (Method->size_overridden_methods() == 0 ||
        Method != Method->getCanonicalDecl())
      return true;
    // Every function it overrides, also through intermediate classes.
    llvm::SmallVector<const CXXMethodDecl *, 4> Work(
        Method->overridden_methods());
    llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
    while (!Work.empty()) {
      const CXXMethodDecl *Base = Work.pop_back_val();
      if (!Seen.insert(Base->getCanonicalDecl()).second)
        continue;
      Map[Base->getCanonicalDecl()].push_back(Method);
      Work.append(Base->begin_overridden_methods(),
                  Base->end_overridden_methods());
    }
    return true;
  }

private:
  llvm::DenseMap<const CXXMethodDecl *,
                 llvm::SmallVector<const CXXMethodDecl *, 2>> &Map;
};

} // namespace

llvm::ArrayRef<const CXXMethodDecl *>
OverrideIndex::overriders(const CXXMethodDecl &Method, ASTContext &Ctx) {
  if (For != &Ctx) {
    Map.clear();
    OverrideCollector(Map).TraverseAST(Ctx);
    For = &Ctx;
  }
  auto It = Map.find(Method.getCanonicalDecl());
  if (It == Map.end())
    return {};
  return It->second;
}

const Stmt *firstEscapingThrow(const Stmt *Body, const ThrowPolicy &Policy,
                               ASTContext &Ctx) {
  ThrowFinder Finder(Policy, Ctx, 0);
  Finder.find(Body);
  return Finder.result();
}

const ParmVarDecl *awaitedTaskParameter(const CoroutineSuspendExpr &Await) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
      strip(Await.getOperand(), Wrappers::Object));
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  return Param && isTaskType(Param->getType().getNonReferenceType()) ? Param
                                                                     : nullptr;
}

const ParmVarDecl *awaitedTaskMaker(const CoroutineSuspendExpr &Await) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(Await.getOperand(), Wrappers::Object));
  if (!Call || !isTaskType(Call->getType()))
    return nullptr;
  const Expr *Maker = Call->getCallee();
  // std::invoke(fn, args...): the function is the first argument.
  if (const FunctionDecl *Callee = Call->getDirectCallee();
      Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
      Callee->getName() == "invoke" && Call->getNumArgs() > 0)
    Maker = Call->getArg(0);
  else if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(Call);
           Operator && Operator->getOperator() == OO_Call)
    Maker = Operator->getArg(0); // fn(args) on a function object
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(strip(Maker, Wrappers::Object));
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

namespace {

/// True when \p Body hands the exception being handled on: it rethrows,
/// stores it, terminates, or calls a member function it cannot see (which
/// may store it); through visible callees, \p Depth levels deep.
bool handsExceptionOn(const Stmt *Body, unsigned Depth) {
  bool Observes = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Observes || isa<CXXThrowExpr>(S)) {
      Observes = true;
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return;
    if (Callee->getIdentifier() &&
        llvm::is_contained({"current_exception", "rethrow_exception",
                            "terminate", "abort", "exit", "_Exit",
                            "quick_exit"},
                           Callee->getName())) {
      Observes = true;
      return;
    }
    const FunctionDecl *Def = Callee->getDefinition();
    if (Def && Def->getBody())
      Observes = Depth == 0 || handsExceptionOn(Def->getBody(), Depth - 1);
    else
      Observes = isa<CXXMethodDecl>(Callee);
  });
  return Observes;
}

/// The 'unhandled_exception' member of \p RD or of one of its bases.
const CXXMethodDecl *findUnhandledException(const CXXRecordDecl *RD,
                                            unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 4)
    return nullptr;
  RD = RD->getDefinition();
  for (const CXXMethodDecl *Method : RD->methods())
    if (Method->getIdentifier() && Method->getName() == "unhandled_exception")
      return Method;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const CXXMethodDecl *Method = findUnhandledException(
            Base.getType()->getAsCXXRecordDecl(), Depth + 1))
      return Method;
  return nullptr;
}

} // namespace

const CXXMethodDecl *
swallowingUnhandledException(const CXXRecordDecl *Promise) {
  const CXXMethodDecl *Method = findUnhandledException(Promise);
  const FunctionDecl *Def = Method ? Method->getDefinition() : nullptr;
  if (!Def || !Def->getBody() || handsExceptionOn(Def->getBody(), 2))
    return nullptr;
  return cast<CXXMethodDecl>(Def);
}

namespace {

/// An await of \p Param in \p S that escapes it: outside the try block of a
/// handler that catches everything, not in a nested lambda.
const CoroutineSuspendExpr *
escapingAwaitOf(const Stmt *S, const ParmVarDecl &Param, unsigned Depth = 0) {
  if (!S || Depth > 256 || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    bool Protected = false;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      Protected |= catchesAll(*Try->getHandler(I));
    if (!Protected)
      if (const auto *Await =
              escapingAwaitOf(Try->getTryBlock(), Param, Depth + 1))
        return Await;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (const auto *Await = escapingAwaitOf(
              Try->getHandler(I)->getHandlerBlock(), Param, Depth + 1))
        return Await;
    return nullptr;
  }
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(S);
      Await && awaitedTaskParameter(*Await) == &Param)
    return Await;
  for (const Stmt *Child : S->children())
    if (const auto *Await = escapingAwaitOf(Child, Param, Depth + 1))
      return Await;
  return nullptr;
}

} // namespace

std::optional<DroppingRun>
droppingRun(const FunctionDecl &Fn, const ParmVarDecl &Param,
            llvm::function_ref<bool(QualType)> Unawaited, unsigned Depth) {
  if (const CoroutineBodyStmt *Coro = getCoroutineBody(Fn)) {
    const VarDecl *Promise = Coro->getPromiseDecl();
    if (!Promise || !Unawaited(Fn.getReturnType()) ||
        !escapingAwaitOf(Coro->getBody(), Param))
      return std::nullopt;
    const CXXMethodDecl *Swallow =
        swallowingUnhandledException(Promise->getType()->getAsCXXRecordDecl());
    if (!Swallow)
      return std::nullopt;
    return DroppingRun{nullptr, &Fn, Swallow};
  }
  const Stmt *Body = getUserBody(Fn);
  if (!Body)
    return std::nullopt;
  // The one call that hands the task on (a choice between two runners says
  // nothing of every run); std::move and std::forward only name it.
  const CallExpr *HandedAt = nullptr;
  unsigned Handed = 0, HandedTo = 0;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    const FunctionDecl *Next = Call ? Call->getDirectCallee() : nullptr;
    if (!Next || Next->isInStdNamespace())
      return;
    for (unsigned I = 0; I < Next->getNumParams(); ++I)
      if (referencedVariable(argumentFor(*Call, I)) == &Param) {
        ++Handed;
        HandedAt = Call;
        HandedTo = I;
      }
  });
  const FunctionDecl *Next = HandedAt ? calledDefinition(*HandedAt) : nullptr;
  if (Handed != 1 || !Next || (Depth == 0 && !getCoroutineBody(*Next)))
    return std::nullopt;
  std::optional<DroppingRun> Run = droppingRun(
      *Next, *Next->getParamDecl(HandedTo), Unawaited, Depth ? Depth - 1 : 0);
  if (Run && !Run->HandedAt)
    Run->HandedAt = HandedAt;
  return Run;
}

const FunctionDecl *spawnedCoroutine(const Expr *Spawned) {
  if (!Spawned)
    return nullptr;
  if (const LambdaExpr *Lambda = lambdaOf(Spawned)) {
    const CXXMethodDecl *Op = Lambda->getCallOperator();
    return Op && getCoroutineBody(*Op) ? Op : nullptr;
  }
  const auto *Call = dyn_cast<CallExpr>(Spawned->IgnoreImplicit());
  const FunctionDecl *Callee = Call ? calledDefinition(*Call) : nullptr;
  return Callee && getCoroutineBody(*Callee) ? Callee : nullptr;
}

const FunctionDecl *taskCoroutine(const Expr *Object, unsigned Depth) {
  Object = strip(Object, Wrappers::Object);
  if (!Object || Depth > 3)
    return nullptr;
  if (const FunctionDecl *Coro = spawnedCoroutine(Object))
    return Coro;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Object))
    return taskCoroutine(Member->getImplicitObjectArgument(), Depth + 1);
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Var && Var->isLocalVarDecl() && !Var->getType()->isReferenceType())
    return taskCoroutine(Var->getInit(), Depth + 1);
  return nullptr;
}

const LambdaExpr *handlerLambda(const Expr *Arg) {
  if (const LambdaExpr *Lambda = lambdaOf(Arg))
    return Lambda;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(Arg, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->isLocalVarDecl() ? lambdaOf(Var->getInit()) : nullptr;
}

const FunctionDecl *handledCoroutine(const CallExpr &Call, const Expr &Arg) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    return taskCoroutine(Member->getImplicitObjectArgument());
  for (const Expr *Other : Call.arguments())
    if (Other != &Arg)
      if (const FunctionDecl *Coro = spawnedCoroutine(Other))
        return Coro;
  return nullptr;
}

bool carriesValue(QualType Failure) {
  return isa_and_nonnull<ClassTemplateSpecializationDecl>(
      Failure.getNonReferenceType()->getAsCXXRecordDecl());
}

} // namespace clang::tidy::async::model
