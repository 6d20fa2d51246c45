//===--- EarlyRunners.cpp - async-lint ------------------------------------===//

#include "EarlyRunners.h"
#include "CallInfo.h"
#include "ClassNames.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

using Names = llvm::SmallPtrSet<const VarDecl *, 2>;

const VarDecl *varNamed(const Expr *E) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// The names \p L gives the context \p Ctx: the context captured, or an
/// init capture bound to it ([&C = Ctx]).
Names namesIn(const LambdaExpr &L, const VarDecl &Ctx) {
  Names Found;
  for (const LambdaCapture &C : L.captures()) {
    const auto *Var =
        C.capturesVariable() ? dyn_cast<VarDecl>(C.getCapturedVar()) : nullptr;
    if (Var == &Ctx ||
        (Var && Var->isInitCapture() && varNamed(Var->getInit()) == &Ctx))
      Found.insert(Var);
  }
  return Found;
}

/// Finds the mentions of a context in a lambda's body: the calls made on
/// it, whether within a loop, and how many mentions there are.
struct BodyMentions {
  const Names &Of;
  unsigned Count = 0;
  const CXXMemberCallExpr *Call = nullptr;
  bool CallInLoop = false;

  void walk(const Stmt *S, bool InLoop, unsigned Depth) {
    if (!S || Depth > 200)
      return;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
      if (Of.contains(varNamed(Call->getImplicitObjectArgument()))) {
        ++Count;
        this->Call = Call;
        CallInLoop = InLoop;
        for (const Expr *Arg : Call->arguments())
          walk(Arg, InLoop, Depth + 1);
        return;
      }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      Count += Of.contains(dyn_cast<VarDecl>(Ref->getDecl()));
    bool Loop = isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(S);
    for (const Stmt *Child : S->children())
      walk(Child, InLoop || Loop, Depth + 1);
  }
};

/// The run of a thread's lambda that captures the context, when the body
/// mentions the context only there, once, outside any loop.
const CXXMemberCallExpr *soleRun(const LambdaExpr &L, const Names &Of,
                                 const RunnerKnowledge &K) {
  BodyMentions M{Of};
  M.walk(L.getBody(), false, 0);
  if (M.Count != 1 || !M.Call || M.CallInLoop)
    return nullptr;
  std::optional<CallInfo> Info = describeCall(*M.Call);
  return Info && anyNameMatches(K.OutOfWorkRuns, *Info) ? M.Call : nullptr;
}

void collectRefs(const Stmt *S, llvm::DenseSet<const DeclRefExpr *> &Refs,
                 unsigned Depth = 0) {
  if (!S || Depth > 200)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Refs.insert(Ref);
  for (const Stmt *Child : S->children())
    collectRefs(Child, Refs, Depth + 1);
}

/// The first template argument of the class \p T, when it is a type (a
/// container's element type).
QualType elementOf(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.isNull() ? nullptr : T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return {};
  return Spec->getTemplateArgs()[0].getAsType();
}

/// The arguments of a thread's construction: a thread type constructed, or
/// emplaced into a container of threads (Threads.emplace_back(f)).
llvm::ArrayRef<const Expr *> threadArguments(const Stmt &S,
                                             const RunnerKnowledge &K) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    if (matchesClassOf(K.ThreadTypes, Construct->getType()))
      return {Construct->getArgs(), Construct->getNumArgs()};
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
  const auto *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      !Method->getName().starts_with("emplace"))
    return {};
  QualType Element = elementOf(Call->getObjectType());
  if (Element.isNull() || !matchesClassOf(K.ThreadTypes, Element))
    return {};
  return {Call->getArgs(), Call->getNumArgs()};
}

/// The lambda a thread's construction is given, when it captures \p Ctx.
const LambdaExpr *threadLambda(const Stmt &S, const VarDecl &Ctx,
                               const RunnerKnowledge &K) {
  for (const Expr *Arg : threadArguments(S, K))
    if (const auto *L =
            dyn_cast<LambdaExpr>(Arg->IgnoreUnlessSpelledInSource()))
      if (!namesIn(*L, Ctx).empty())
        return L;
  return nullptr;
}

} // namespace

std::string outOfWorkRunsPreset(llvm::ArrayRef<std::string> Libraries) {
  // Every run of asio's io_context returns once the context is out of work
  // (the reason work guards exist); the other libraries' runs wait for work
  // or for a stop.
  std::vector<std::string> Asio;
  for (const std::string &Name : Libraries)
    if (Name == "asio" || Name == "boost::asio")
      Asio.push_back(Name);
  return contextPreset(ContextList::RunFunctions, Asio);
}

std::string threadTypesPreset() {
  return "::std::thread;::std::jthread;::boost::thread";
}

std::optional<EarlyRunner> earlyRunner(const Stmt &Body, const ContextUses &U,
                                       const ContextKnowledge &K,
                                       const RunnerKnowledge &RK,
                                       const OwnStmts *Own) {
  const VarDecl &Ctx = *U.Context;
  if (U.Parameter || U.ThroughPointer || U.HandOffs.empty() || !U.Runs.empty())
    return std::nullopt;
  EarlyRunner R;
  bool Doubt = false;
  llvm::DenseSet<const DeclRefExpr *> Allowed;
  llvm::SmallVector<const DeclRefExpr *, 8> Mentions;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const LambdaExpr *L = threadLambda(S, Ctx, RK)) {
      const CXXMemberCallExpr *Run = soleRun(*L, namesIn(*L, Ctx), RK);
      Doubt |= !Run;
      if (Run && !R.Thread) {
        R.Thread = cast<Expr>(&S);
        R.Run = Run;
      }
      collectRefs(L, Allowed);
    }
    // The context's own members: stop() keeps nothing running.
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
        Call && varNamed(Call->getImplicitObjectArgument()) == &Ctx)
      if (std::optional<CallInfo> Info = describeCall(*Call);
          Info && !anyNameMatches(K.RunFunctions, *Info) &&
          !anyNameMatches(K.ExecutorAccessors, *Info))
        Allowed.insert(cast<DeclRefExpr>(
            Call->getImplicitObjectArgument()->IgnoreParenImpCasts()));
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && Ref->getDecl() == &Ctx)
      Mentions.push_back(Ref);
  });
  if (Doubt || !R.Thread)
    return std::nullopt;
  // Every hand-off comes after the thread is started.
  const SourceManager &SM = Ctx.getASTContext().getSourceManager();
  R.HandOff = U.HandOffs.front();
  if (!SM.isBeforeInTranslationUnit(
          SM.getExpansionLoc(R.Thread->getBeginLoc()),
          SM.getExpansionLoc(R.HandOff->getBeginLoc())))
    return std::nullopt;
  for (const Expr *H : U.HandOffs)
    collectRefs(H, Allowed);
  for (const DeclRefExpr *Ref : Mentions)
    if (!Allowed.contains(Ref))
      return std::nullopt;
  return R;
}

} // namespace clang::tidy::async::model
