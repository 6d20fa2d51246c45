//===--- DetachingSpawns.cpp - async-lint ---------------------------------===//

#include "DetachingSpawns.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "PathFacts.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The calls of \p Body that take \p Param, and which parameter of the
/// callee receives it (none for the object of a member call).
struct Hand {
  const CallExpr *Call = nullptr;
  std::optional<unsigned> ToParam;
};

/// True when \p E names \p Param, through std::move, std::forward, copies
/// and conversions (referencedVariable).
bool names(const Expr *E, const ParmVarDecl &Param) {
  return E && referencedVariable(E) == &Param;
}

llvm::SmallVector<Hand, 2> handsOf(const Stmt *Body, const ParmVarDecl &Param) {
  llvm::SmallVector<Hand, 2> Hands;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
        Member && names(Member->getImplicitObjectArgument(), Param))
      Hands.push_back({Call, std::nullopt});
    // std::move and std::forward only name the task.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Callee->isInStdNamespace())
      return;
    for (unsigned I = 0; I < Callee->getNumParams(); ++I)
      if (names(argumentFor(*Call, I), Param))
        Hands.push_back({Call, I});
  });
  return Hands;
}

} // namespace

std::optional<DetachingSpawn>
detachingSpawn(const FunctionDecl &Fn, const ParmVarDecl &Param,
               llvm::function_ref<bool(const CallExpr &)> DropsFailure,
               unsigned Depth) {
  if (Fn.isInStdNamespace() || getCoroutineBody(Fn))
    return std::nullopt;
  const Stmt *Body = getUserBody(Fn);
  if (!Body)
    return std::nullopt;
  llvm::SmallVector<Hand, 2> Hands = handsOf(Body, Param);
  if (Hands.size() != 1)
    return std::nullopt;
  const Hand &H = Hands.front();
  if (DropsFailure(*H.Call))
    return DetachingSpawn{H.Call, &Fn, nullptr};
  const FunctionDecl *Next = calledDefinition(*H.Call);
  if (!H.ToParam || !Next || Depth == 0 || *H.ToParam >= Next->getNumParams())
    return std::nullopt;
  std::optional<DetachingSpawn> Inner = detachingSpawn(
      *Next, *Next->getParamDecl(*H.ToParam), DropsFailure, Depth - 1);
  if (Inner)
    Inner->HandedAt = H.Call;
  return Inner;
}

} // namespace clang::tidy::async::model
