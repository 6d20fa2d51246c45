//===--- ForwardingHelpers.cpp - async-lint -------------------------------===//

#include "ForwardingHelpers.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "StdCalls.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

ForwardedTo forwardedTo(const FunctionDecl &Helper, const ParmVarDecl &Param,
                        const NameMatcher &Waits) {
  const FunctionDecl *Def = Helper.getDefinition();
  const Stmt *Body = Def ? Def->getBody() : nullptr;
  if (!Body || getCoroutineBody(*Def) || Def->isDependentContext())
    return {};
  unsigned Mentions = 0;
  bool Waiting = false;
  ForwardedTo Found;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Mentions += Ref->getDecl() == &Param;
    Waiting |= callOfListed(S, Waits) != nullptr;
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || isStdFunction(*Call, {"move", "forward"}))
      return;
    // The parameter itself, or a copy or move of it made for the call.
    for (unsigned I = 0; I < Call->getNumArgs(); ++I)
      if (namedDecl(Call->getArg(I)) == &Param)
        Found = {Call, I};
  });
  return Mentions == 1 && !Waiting ? Found : ForwardedTo{};
}

} // namespace clang::tidy::async::model
