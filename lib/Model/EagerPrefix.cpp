//===--- EagerPrefix.cpp - async-lint -------------------------------------===//

#include "EagerPrefix.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "SuspensionFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async::model {

namespace {

/// How long a chain of callers up to main is followed.
constexpr unsigned MaxCallerDepth = 8;

using MentionMap = llvm::DenseMap<const FunctionDecl *,
                                  std::vector<PlainThreadStarts::Mention>>;

/// Gathers every mention of a function declared outside system headers,
/// with the function it is in and whether it is a call's callee.
class MentionIndex : public RecursiveASTVisitor<MentionIndex> {
  using Base = RecursiveASTVisitor<MentionIndex>;

public:
  MentionIndex(MentionMap &Found, const SourceManager &SM)
      : Found(Found), SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  // System headers call none of the program's functions by name.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD)
      return Base::TraverseDecl(D);
    Within.push_back(FD);
    bool Result = Base::TraverseDecl(D);
    Within.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    // The captures run where the lambda is made; counting them as the
    // lambda's only makes a caller less known.
    Within.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Within.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (const Expr *Callee = Call->getCallee())
      Callees[Callee->IgnoreParenImpCasts()] = Call;
    // A call handed alone to another (defaulted parameters aside): a task
    // started there with nothing else, such as an executor, bound.
    const Expr *Only = nullptr;
    unsigned Given = 0;
    auto Args = Call->arguments();
    // A function object's call (folly's blockingWait) passes the object
    // first.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Call && !Args.empty())
      Args = {Args.begin() + 1, Args.end()};
    for (const Expr *Arg : Args)
      if (!isa<CXXDefaultArgExpr>(Arg)) {
        Only = Arg;
        ++Given;
      }
    if (Given == 1)
      SoleArgumentOf[strip(Only, Wrappers::Object)] = Call;
    return true;
  }
  bool VisitCoawaitExpr(CoawaitExpr *Await) {
    AwaitedBy[strip(Await->getOperand(), Wrappers::Object)] = Await;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    record(*Ref, Ref->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    record(*Member, Member->getMemberDecl());
    return true;
  }

private:
  void record(const Expr &Ref, const ValueDecl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    const FunctionDecl *In = Within.empty() ? nullptr : Within.back();
    // A template's pattern is judged through its instantiations.
    if (!FD || SM.isInSystemHeader(FD->getLocation()) ||
        (In && In->isDependentContext()))
      return;
    const CallExpr *Call = Callees.lookup(&Ref);
    Found[FD->getCanonicalDecl()].push_back(
        {&Ref, In, Call, Call ? SoleArgumentOf.lookup(Call) : nullptr,
         Call ? AwaitedBy.lookup(Call) : nullptr});
  }

  MentionMap &Found;
  const SourceManager &SM;
  std::vector<const FunctionDecl *> Within;
  llvm::DenseMap<const Expr *, const CallExpr *> Callees;
  llvm::DenseMap<const Expr *, const CallExpr *> SoleArgumentOf;
  llvm::DenseMap<const Expr *, const CoawaitExpr *> AwaitedBy;
};

/// True when the unit can show every caller of \p Def (see EagerPrefix.h).
bool callersAreVisible(const FunctionDecl &Def) {
  const SourceManager &SM = Def.getASTContext().getSourceManager();
  if (!SM.isInMainFile(SM.getExpansionLoc(Def.getLocation())) ||
      isLambdaCallOperator(Def))
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Def);
  return !Method || !Method->isVirtual();
}

} // namespace

void PlainThreadStarts::clear() {
  SyncWaits.clear();
  Mentions.reset();
  MainOnly.clear();
}

bool PlainThreadStarts::startsOnPlainThread(const FunctionDecl &Coro,
                                            const NameMatcher &SyncWaitFns,
                                            AnalysisSession &S,
                                            AnalysisSession::LibraryId L) {
  if (SyncWaits.startedOnlyBySyncWait(Coro, SyncWaitFns))
    return true;
  // A template's pattern runs as its instantiations do.
  if (const FunctionTemplateDecl *Template =
          Coro.getDescribedFunctionTemplate()) {
    auto Specs = Template->specializations();
    return !Specs.empty() && llvm::all_of(Specs, [&](const FunctionDecl *F) {
      return startsOnPlainThread(*F, SyncWaitFns, S, L);
    });
  }
  if (!isCoroutine(Coro))
    return false;
  SyncWaitFunctions = &SyncWaitFns;
  Session = &S;
  Lib = L;
  if (!Mentions) {
    ASTContext &Ctx = Coro.getASTContext();
    Mentions.emplace();
    MentionIndex Index(*Mentions, Ctx.getSourceManager());
    Index.TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return onlyOnMainThread(Coro, 0);
}

bool PlainThreadStarts::runsOnPlainThread(const FunctionDecl &Coro,
                                          const Stmt &S,
                                          const NameMatcher &SyncWaitFns,
                                          AnalysisSession &Sess,
                                          AnalysisSession::LibraryId L) {
  if (!startsOnPlainThread(Coro, SyncWaitFns, Sess, L))
    return false;
  const SuspensionFlow &Flow = Sess.suspensionFlow(Coro, L);
  bool Late = Flow.mayRunAfterSuspension(S);
  forEachOwnStmt(&S, [&](const Stmt &Part) {
    Late = Late || Flow.mayRunAfterSuspension(Part);
  });
  return !Late;
}

bool PlainThreadStarts::onlyOnMainThread(const FunctionDecl &FD,
                                         unsigned Depth) {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || Depth > MaxCallerDepth)
    return false;
  if (Def->isDependentContext())
    return false;
  auto [It, New] = MainOnly.try_emplace(Def->getCanonicalDecl());
  if (!New)
    return It->second.value_or(false);
  // A lazy coroutine runs where it is started; one of unknown laziness may
  // run anywhere.
  Laziness Kind =
      isCoroutine(*Def) ? lazinessOfCoroutine(*Def) : Laziness::Eager;
  const std::vector<Mention> &Of = Mentions->lookup(Def->getCanonicalDecl());
  bool Only =
      callersAreVisible(*Def) && Kind != Laziness::Unknown && !Of.empty();
  for (const Mention &M : Of) {
    if (!Only)
      break;
    Only = runsOnMainThread(M, Kind == Laziness::Lazy, Depth);
  }
  MainOnly[Def->getCanonicalDecl()] = Only;
  return Only;
}

bool PlainThreadStarts::runsOnMainThread(const Mention &M, bool Lazy,
                                         unsigned Depth) {
  const FunctionDecl *Caller = M.Within;
  if (!M.Call || !Caller)
    return false;
  // A lazy coroutine's call only makes the task: it must be started here,
  // by a sync-wait given nothing else or by a co_await in a coroutine.
  const Stmt *Start = M.Call;
  if (Lazy) {
    if (M.ArgumentOf && callOfListed(*M.ArgumentOf, *SyncWaitFunctions))
      Start = M.ArgumentOf;
    else if (!M.AwaitedBy || !isCoroutine(*Caller))
      return false;
  }
  if (Caller->isMain())
    return true;
  // A coroutine runs its call here on its caller's thread only before it
  // first suspends.
  return !(isCoroutine(*Caller) && Session->suspensionFlow(*Caller, Lib)
                                       .mayRunAfterSuspension(*Start)) &&
         onlyOnMainThread(*Caller, Depth + 1);
}

} // namespace clang::tidy::async::model
