//===--- NonBlockingIO.cpp - async-lint -----------------------------------===//

#include "NonBlockingIO.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// The members of the object that \p E mentions (m_fd, this->m_socket).
void ownMembers(const Stmt *E, llvm::SmallPtrSetImpl<const ValueDecl *> &Out) {
  forEachOwnStmt(E, [&](const Stmt &S) {
    if (const auto *Member = dyn_cast<MemberExpr>(&S);
        Member && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      Out.insert(Member->getMemberDecl());
  });
}

} // namespace

bool NonBlockingIO::expectsWouldBlock(const FunctionDecl &FD, ASTContext &Ctx) {
  auto [It, New] = WouldBlockTested.try_emplace(&FD, false);
  if (!New || WouldBlockErrors.empty())
    return It->second;
  bool Found = false;
  const SourceManager &SM = Ctx.getSourceManager();
  forEachOwnStmt(getUserBody(FD), [&](const Stmt &S) {
    const auto *Literal = dyn_cast<IntegerLiteral>(&S);
    if (Found || !Literal || !Literal->getLocation().isMacroID())
      return;
    StringRef Macro = Lexer::getImmediateMacroName(Literal->getLocation(), SM,
                                                   Ctx.getLangOpts());
    Found = llvm::is_contained(WouldBlockErrors, Macro.str());
  });
  WouldBlockTested[&FD] = Found;
  return Found;
}

bool NonBlockingIO::onAsyncMember(const FunctionDecl &FD,
                                  const CallExpr &Call) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  const CXXRecordDecl *Class = Method ? Method->getParent() : nullptr;
  if (!Class || Class->isLambda())
    return false;
  auto [It, New] = AsyncMembers.try_emplace(Class);
  if (New) {
    llvm::SmallPtrSet<const ValueDecl *, 8> Found;
    for (const CXXMethodDecl *M : Class->methods()) {
      const FunctionDecl *Def = nullptr;
      if (!M->hasBody(Def))
        continue;
      forEachOwnStmt(getUserBody(*Def), [&](const Stmt &S) {
        const auto *Async = dyn_cast<CallExpr>(&S);
        if (!Async || !(isTaskType(Async->getType()) ||
                        isAwaitableType(Async->getType())))
          return;
        for (const Expr *Arg : Async->arguments())
          ownMembers(Arg, Found);
      });
    }
    AsyncMembers[Class].insert(Found.begin(), Found.end());
  }
  const llvm::DenseSet<const ValueDecl *> &Async = AsyncMembers[Class];
  llvm::SmallPtrSet<const ValueDecl *, 4> Used;
  for (const Expr *Arg : Call.arguments())
    ownMembers(Arg, Used);
  return llvm::any_of(Used,
                      [&](const ValueDecl *D) { return Async.contains(D); });
}

} // namespace clang::tidy::async::model
