//===--- CombinedStarts.cpp - async-lint ----------------------------------===//

#include "CombinedStarts.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "PathFacts.h"
#include "SuspensionFlow.h"
#include "TaskFlow.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The local of \p Outer's body that holds the lambda of class \p Class.
const VarDecl *holderOf(const Stmt *Body, const CXXRecordDecl *Class) {
  const VarDecl *Holder = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          if (const LambdaExpr *L = lambdaOf(VD->getInit());
              L && L->getLambdaClass() == Class)
            Holder = VD;
  });
  return Holder;
}

/// The local container \p Push adds to, when it is a push_back or
/// emplace_back with one argument, which \p IsElement accepts.
const VarDecl *pushedInto(const Stmt &Push,
                          llvm::function_ref<bool(const Expr &)> IsElement) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&Push);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() || Call->getNumArgs() != 1 ||
      (Method->getName() != "push_back" && Method->getName() != "emplace_back"))
    return nullptr;
  const VarDecl *Into = referencedVariable(Call->getImplicitObjectArgument());
  if (!Into || !Into->isLocalVarDecl() ||
      !IsElement(*strip(Call->getArg(0), Wrappers::Object)))
    return nullptr;
  return Into;
}

/// True when every mention of \p V in \p Body is counted by \p Use, which
/// is asked of every statement.
bool onlyUsedAs(const Stmt *Body, const VarDecl &V,
                llvm::function_ref<unsigned(const Stmt &)> Use) {
  unsigned Mentions = 0, Used = 0;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && Ref->getDecl() == &V)
      ++Mentions;
    Used += Use(S);
  });
  return Mentions > 0 && Mentions == Used;
}

/// The lambda into whose init-capture (set in \p Capture) the local
/// container \p Tasks is moved, when every other mention of it in \p Body
/// is a push; null otherwise.
const LambdaExpr *movedIntoCapture(const Stmt *Body, const VarDecl &Tasks,
                                   const VarDecl *&Capture) {
  const LambdaExpr *Parent = nullptr;
  unsigned Moves = 0;
  if (!onlyUsedAs(
          Body, Tasks,
          [&](const Stmt &S) -> unsigned {
            if (pushedInto(S, [](const Expr &) { return true; }) == &Tasks)
              return 1;
            const auto *L = dyn_cast<LambdaExpr>(&S);
            if (!L)
              return 0;
            unsigned Found = 0;
            for (auto [C, Init] : llvm::zip(L->captures(), L->capture_inits()))
              if (C.capturesVariable() && Init &&
                  referencedVariable(strip(Init, Wrappers::Object)) == &Tasks) {
                Parent = L;
                Capture = dyn_cast<VarDecl>(C.getCapturedVar());
                ++Found;
              }
            Moves += Found;
            return Found;
          }) ||
      Moves != 1 || !Capture || !Capture->isInitCapture())
    return nullptr;
  return Parent;
}

/// True when the coroutine \p Awaiter hands its init-capture \p Capture
/// only, alone, to \p InlineCombinators calls it awaits before it first
/// suspends.
bool awaitsBeforeSuspending(const FunctionDecl &Awaiter, const VarDecl &Capture,
                            const NameMatcher &InlineCombinators,
                            AnalysisSession &Session,
                            AnalysisSession::LibraryId Lib) {
  const SuspensionFlow &Flow = Session.suspensionFlow(Awaiter, Lib);
  return onlyUsedAs(
      getUserBody(Awaiter), Capture, [&](const Stmt &S) -> unsigned {
        const auto *Await = dyn_cast<CoawaitExpr>(&S);
        const CallExpr *Combine =
            Await ? callOfListed(*strip(Await->getOperand(), Wrappers::Object),
                                 InlineCombinators)
                  : nullptr;
        if (!Combine || Combine->getNumArgs() < 1 ||
            referencedVariable(strip(Combine->getArg(0), Wrappers::Object)) !=
                &Capture ||
            Flow.mayRunAfterSuspension(*Combine))
          return 0;
        // The container alone: an allocator may be defaulted, nothing given.
        return llvm::all_of(
            llvm::drop_begin(Combine->arguments()),
            [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); });
      });
}

} // namespace

const FunctionDecl *inlineCombinedParent(const FunctionDecl &Coro,
                                         const NameMatcher &InlineCombinators,
                                         AnalysisSession &Session,
                                         AnalysisSession::LibraryId Lib) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  if (!Method || !Method->getParent()->isLambda())
    return nullptr;
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  if (!Outer || isCoroutine(*Outer))
    return nullptr;
  const Stmt *Body = getUserBody(*Outer);
  const VarDecl *Holder = holderOf(Body, Method->getParent());
  if (!Holder)
    return nullptr;
  // Every call of the lambda is pushed into one container.
  auto IsTask = [&](const Expr &E) {
    const auto *Start = dyn_cast<CXXOperatorCallExpr>(&E);
    return Start && Start->getOperator() == OO_Call &&
           referencedVariable(Start->getArg(0)) == Holder;
  };
  const VarDecl *Tasks = nullptr;
  bool OneContainer = true;
  if (!onlyUsedAs(Body, *Holder,
                  [&](const Stmt &S) -> unsigned {
                    const VarDecl *Into = pushedInto(S, IsTask);
                    if (!Into)
                      return 0;
                    OneContainer = OneContainer && (!Tasks || Tasks == Into);
                    Tasks = Into;
                    return 1;
                  }) ||
      !OneContainer)
    return nullptr;
  // The container is filled, then moved into one coroutine lambda's capture.
  const VarDecl *Capture = nullptr;
  const LambdaExpr *Parent = movedIntoCapture(Body, *Tasks, Capture);
  if (!Parent)
    return nullptr;
  const CXXMethodDecl *Awaiter = Parent->getCallOperator();
  if (!isCoroutine(*Awaiter))
    return nullptr;
  return awaitsBeforeSuspending(*Awaiter, *Capture, InlineCombinators, Session,
                                Lib)
             ? Awaiter
             : nullptr;
}

} // namespace clang::tidy::async::model
