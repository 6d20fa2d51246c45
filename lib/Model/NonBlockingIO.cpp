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

/// The variable, parameter or member a system call is made on: its first
/// argument (the descriptor).
const ValueDecl *descriptorOf(const CallExpr &Call) {
  if (Call.getNumArgs() == 0)
    return nullptr;
  const Expr *Arg = Call.getArg(0)->IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Arg))
    return Ref->getDecl();
  if (const auto *Member = dyn_cast<MemberExpr>(Arg))
    return Member->getMemberDecl();
  return nullptr;
}

/// True when \p E mentions \p Fd, directly or through the initialisers of
/// the variables and members it names (in-class or a constructor's), at
/// most \p Depth of them deep.
bool builtFrom(const Stmt *E, const ValueDecl *Fd, unsigned Depth) {
  bool Found = false;
  forEachOwnStmt(E, [&](const Stmt &S) {
    const ValueDecl *D = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      D = Ref->getDecl();
    else if (const auto *Member = dyn_cast<MemberExpr>(&S))
      D = Member->getMemberDecl();
    if (Found || !D)
      return;
    Found = D == Fd;
    if (Found || Depth == 0)
      return;
    if (const auto *Var = dyn_cast<VarDecl>(D))
      Found = Var->getInit() && builtFrom(Var->getInit(), Fd, Depth - 1);
    const auto *Field = dyn_cast<FieldDecl>(D);
    if (!Field)
      return;
    if (const Expr *Init = Field->getInClassInitializer())
      Found = builtFrom(Init, Fd, Depth - 1);
    const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
    for (const CXXConstructorDecl *Ctor : Class->ctors())
      for (const CXXCtorInitializer *I : Ctor->inits())
        if (!Found && I->isWritten() && I->getMember() == Field)
          Found = builtFrom(I->getInit(), Fd, Depth - 1);
  });
  return Found;
}

/// True when \p S is 'co_await X;' with X built from \p Fd.
bool awaitsReadiness(const Stmt *S, const ValueDecl *Fd) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreImplicit()->IgnoreParenCasts();
  const Expr *Operand = nullptr;
  if (const auto *Await = dyn_cast<CoawaitExpr>(E))
    Operand = Await->getOperand();
  else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(E))
    Operand = Dependent->getOperand();
  return Operand && builtFrom(Operand, Fd, 3);
}

/// Whether \p S holds \p Call, and whether it may suspend.
std::pair<bool, bool> holdsAndSuspends(const Stmt *S, const CallExpr &Call) {
  bool Holds = false, Suspends = false;
  forEachOwnStmt(S, [&](const Stmt &Inner) {
    Holds |= &Inner == &Call;
    Suspends |= isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Inner);
  });
  return {Holds, Suspends};
}

} // namespace

bool NonBlockingIO::afterReadinessAwait(const FunctionDecl &FD,
                                        const CallExpr &Call) {
  const ValueDecl *Fd = descriptorOf(Call);
  bool Found = false;
  forEachOwnStmt(Fd ? getUserBody(FD) : nullptr, [&](const Stmt &S) {
    const auto *Block = dyn_cast<CompoundStmt>(&S);
    if (Found || !Block)
      return;
    const Stmt *LastSuspension = nullptr;
    for (const Stmt *Cur : Block->body()) {
      auto [Holds, Suspends] = holdsAndSuspends(Cur, Call);
      if (Holds) {
        Found = !Suspends && awaitsReadiness(LastSuspension, Fd);
        return;
      }
      if (Suspends)
        LastSuspension = Cur;
    }
  });
  return Found;
}

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
