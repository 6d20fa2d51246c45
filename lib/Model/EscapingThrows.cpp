//===--- EscapingThrows.cpp - async-lint ----------------------------------===//
//
// The walk of ThrowFinder over a body, and the questions of EscapingThrows.h
// that use it.
//
//===----------------------------------------------------------------------===//

#include "Assertions.h"
#include "Awaitables.h"
#include "CompletionSignatures.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "FailureHandlers.h"
#include "NameMatcher.h"
#include "ResolvedTypes.h"
#include "ThrowFinder.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace throws {

bool catchesAll(const CXXCatchStmt &Handler) {
  QualType T = Handler.getCaughtType();
  if (T.isNull())
    return true; // catch (...)
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && canonicalName(*RD) == "::std::exception";
}

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

/// True for a parameter of type bool.
static bool isBoolParameter(const Expr *E) {
  const auto *Ref = dyn_cast<DeclRefExpr>(strip(E, Wrappers::Condition));
  return Ref && isa<ParmVarDecl>(Ref->getDecl()) &&
         Ref->getType()->isBooleanType();
}

bool testsEmptiness(const Expr *Cond) {
  Cond = strip(Cond, Wrappers::Condition);
  // Not a bool parameter: `if (!ok) throw` is an assert-like helper's test
  // of the condition its caller gives (require(reply_ok(x))).
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return isOwnStateOrParameter(Not->getSubExpr()) &&
           !isBoolParameter(Not->getSubExpr());
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
      BO && BO->getOpcode() == BO_EQ)
    return (isa<CXXNullPtrLiteralExpr>(BO->getRHS()->IgnoreParenImpCasts()) &&
            isOwnStateOrParameter(BO->getLHS())) ||
           (isa<CXXNullPtrLiteralExpr>(BO->getLHS()->IgnoreParenImpCasts()) &&
            isOwnStateOrParameter(BO->getRHS()));
  return false;
}

bool throwsListedClass(const CXXThrowExpr &Throw, const NameMatcher *Listed,
                       ASTContext &Ctx) {
  const Expr *Thrown = Throw.getSubExpr();
  const CXXRecordDecl *RD = Thrown ? recordOf(Thrown->getType()) : nullptr;
  if (!Listed || !RD)
    return false;
  RD = RD->getCanonicalDecl();
  if (Listed->matches(canonicalName(*RD)))
    return true;
  for (const std::string &Name : splitList(Listed->str()))
    for (const NamedDecl *D : lookupQualified(Name, Ctx))
      if (namedClass(D) == RD)
        return true;
  return false;
}

bool onlyThrows(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    S = Compound->size() == 1 ? Compound->body_front() : nullptr;
  const auto *E = dyn_cast_or_null<Expr>(S);
  return E && isa<CXXThrowExpr>(E->IgnoreImplicit());
}

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

namespace {

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

} // namespace

void ThrowFinder::find(const Stmt *S, unsigned Depth) {
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
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(S))
    return findInThrow(*Throw);
  if (const auto *If = dyn_cast<IfStmt>(S))
    return findInIf(*If, Depth);
  if (const auto *Block = dyn_cast<CompoundStmt>(S))
    return findInBlock(*Block, Depth);
  // A loop body may change a variant, or a tested value, before the next
  // round reads it.
  if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S))
    forgetWritten(S);
  if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(S)) {
    find(Await->getOperand(), Depth + 1);
    if (awaitThrows(*Await))
      record(1, S);
    else if (DeclaredAwaits && Trys.empty() && declaredCoroutineOf(*Await))
      DeclaredAwaits->push_back(Await);
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
    if (InputsRethrown && llvm::any_of(Call->arguments(), [](const Expr *Arg) {
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

void ThrowFinder::findInThrow(const CXXThrowExpr &Throw) {
  // In a combinator, a throw of the exception_ptr a combined task
  // failed with is that task's exception, judged at the task.
  if (InputsRethrown && mentionsExceptionPtr(Throw.getSubExpr()))
    return;
  // In a called function, a throw of a precondition exception
  // (std::logic_error) reports a misuse, like an assert.
  if (CallDepth > 0 &&
      throwsListedClass(Throw, Policy.PreconditionExceptions, Ctx))
    return;
  record(0, &Throw);
}

void ThrowFinder::findInTry(const CXXTryStmt &Try, unsigned Depth) {
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

void ThrowFinder::findInBlock(const CompoundStmt &Block, unsigned Depth) {
  IndexFacts Saved = KnownIndex;
  auto SavedValues = HasValue;
  for (const Stmt *Child : Block.body()) {
    find(Child, Depth + 1);
    forgetWritten(Child);
    learnFrom(*Child);
  }
  KnownIndex = std::move(Saved);
  HasValue = std::move(SavedValues);
  forgetWritten(&Block);
}

void ThrowFinder::learnFrom(const Stmt &S) {
  const SourceManager &SM = Ctx.getSourceManager();
  learnEmplace(S, KnownIndex);
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
        (isa_and_nonnull<ReturnStmt, CoreturnStmt>(Then) || stops(Then))) {
      learnIndex(If->getCond(), /*Holds=*/false, KnownIndex, Ctx);
      // if (r.hasError()) co_return; ... r.value()
      if (const VarDecl *Full = testedForValue(If->getCond(), false))
        HasValue.insert(Full);
    }
    return;
  }
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(dyn_cast<Expr>(&S), Wrappers::Implicit));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return;
  if (std::optional<unsigned> Param = assertedBoolParameter(*Callee);
      Param && *Param < Call->getNumArgs())
    learnIndex(Call->getArg(*Param), /*Holds=*/true, KnownIndex, Ctx);
}

void ThrowFinder::findInIf(const IfStmt &If, unsigned Depth) {
  // In a called function, a throw reached only when the object or an
  // argument is empty (a precondition: the call is misused) is not a
  // failure the caller has to expect.
  if (CallDepth > 0 && !If.getElse() && !If.getInit() &&
      !If.getConditionVariable() && onlyThrows(If.getThen()) &&
      testsEmptiness(If.getCond()))
    return find(If.getCond(), Depth + 1);
  find(If.getInit(), Depth + 1);
  find(If.getConditionVariableDeclStmt(), Depth + 1);
  find(If.getCond(), Depth + 1);
  forgetWritten(If.getInit());
  forgetWritten(If.getCond());
  // `if (o.has_value()) ... o.value()`, `if (r.hasError()) ... else
  // r.value()`: the value is there.
  auto SavedValues = HasValue;
  if (const VarDecl *Full = testedForValue(If.getCond(), /*Holds=*/true))
    HasValue.insert(Full);
  // `if (v.index() == 1) ... std::get<1>(v)`: the alternative is there.
  IndexFacts Saved = KnownIndex;
  learnIndex(If.getCond(), /*Holds=*/true, KnownIndex, Ctx);
  find(If.getThen(), Depth + 1);
  HasValue = SavedValues;
  if (const VarDecl *Full = testedForValue(If.getCond(), /*Holds=*/false))
    HasValue.insert(Full);
  KnownIndex = Saved;
  learnIndex(If.getCond(), /*Holds=*/false, KnownIndex, Ctx);
  find(If.getElse(), Depth + 1);
  HasValue = std::move(SavedValues);
  KnownIndex = std::move(Saved);
  forgetWritten(&If);
}

void ThrowFinder::record(unsigned Kind, const Stmt *S) {
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

bool ThrowFinder::covered(const ThrownTypes &Types) const {
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

ThrownTypes ThrowFinder::typesOf(unsigned Kind, const Stmt &S) {
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

ThrownTypes ThrowFinder::bodyTypes(const FunctionDecl *Fn) {
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

ThrownTypes ThrowFinder::awaitTypes(const CoroutineSuspendExpr &Await) {
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

} // namespace throws

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
  throws::ThrowFinder Finder(Policy, Ctx, 0);
  Finder.find(Body);
  return Finder.result();
}

const FunctionDecl *declaredCoroutineOf(const CoroutineSuspendExpr &Await) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(strip(Await.getOperand(), Wrappers::Object));
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && !Callee->hasBody() && isTaskType(Call->getType()) ? Callee
                                                                     : nullptr;
}

std::vector<const CoroutineSuspendExpr *>
escapingDeclaredAwaits(const Stmt *Body, const ThrowPolicy &Policy,
                       ASTContext &Ctx) {
  llvm::SmallVector<const CoroutineSuspendExpr *, 4> Awaits;
  throws::ThrowFinder Finder(Policy, Ctx, 0);
  Finder.DeclaredAwaits = &Awaits;
  Finder.find(Body);
  if (Finder.result())
    return {};
  return {Awaits.begin(), Awaits.end()};
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

} // namespace clang::tidy::async::model
