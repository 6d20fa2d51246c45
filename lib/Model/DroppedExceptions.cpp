//===--- DroppedExceptions.cpp - async-lint -------------------------------===//

#include "DroppedExceptions.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "PathFacts.h"
#include "ThrowFinder.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

using throws::catchesAll;

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

} // namespace clang::tidy::async::model
