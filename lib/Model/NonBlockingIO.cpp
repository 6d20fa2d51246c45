//===--- NonBlockingIO.cpp - async-lint -----------------------------------===//

#include "NonBlockingIO.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "Expressions.h"
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

/// Whether \p S holds \p Call, and whether it may suspend.
std::pair<bool, bool> holdsAndSuspends(const Stmt *S, const CallExpr &Call) {
  bool Holds = false, Suspends = false;
  forEachOwnStmt(S, [&](const Stmt &Inner) {
    Holds |= &Inner == &Call;
    Suspends |= isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Inner);
  });
  return {Holds, Suspends};
}

/// The operand of the only suspension in \p S, a 'co_await' ('co_await X;',
/// `ensure(!(co_await X).error);`); null otherwise.
const Expr *soleAwaitOperand(const Stmt *S) {
  const Expr *Operand = nullptr;
  unsigned Suspensions = 0;
  forEachOwnStmt(S, [&](const Stmt &Inner) {
    if (!isa<CoroutineSuspendExpr, DependentCoawaitExpr>(Inner))
      return;
    ++Suspensions;
    if (const auto *Await = dyn_cast<CoawaitExpr>(&Inner))
      Operand = Await->getOperand();
    else if (const auto *Dependent = dyn_cast<DependentCoawaitExpr>(&Inner))
      Operand = Dependent->getOperand();
  });
  return Suspensions == 1 ? Operand : nullptr;
}

/// True when the only suspension of \p S awaits an awaitable built from
/// \p Fd.
bool awaitsReadiness(const Stmt *S, const ValueDecl *Fd) {
  const Expr *Operand = soleAwaitOperand(S);
  return Operand && builtFrom(Operand, Fd, 3);
}

/// The last statement that suspends before the one holding \p Call in a
/// block of \p Body, when that one does not suspend; null otherwise.
const Stmt *suspensionBefore(const Stmt *Body, const CallExpr &Call) {
  const Stmt *Found = nullptr;
  bool Done = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Block = dyn_cast<CompoundStmt>(&S);
    if (Done || !Block)
      return;
    const Stmt *LastSuspension = nullptr;
    for (const Stmt *Cur : Block->body()) {
      auto [Holds, Suspends] = holdsAndSuspends(Cur, Call);
      // A statement that holds the call and suspends may be a loop or a
      // block around it: its own blocks are looked at next.
      if (Holds) {
        Done = !Suspends;
        Found = Suspends ? nullptr : LastSuspension;
        return;
      }
      if (Suspends)
        LastSuspension = Cur;
    }
  });
  return Found;
}

/// \p E without parentheses, implicit casts and conversions.
const Expr *bare(const Expr *E) {
  return E ? E->IgnoreImplicit()->IgnoreParenImpCasts() : nullptr;
}

/// True when \p A and \p B name the same descriptor of their objects: the
/// same data member of `this`, or the same constant element of one
/// (`fds[0]`).
bool sameOwnDescriptor(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  A = bare(A);
  B = bare(B);
  if (const auto *MA = dyn_cast_or_null<MemberExpr>(A)) {
    const auto *MB = dyn_cast_or_null<MemberExpr>(B);
    return MB && MA->getMemberDecl() == MB->getMemberDecl() &&
           isa<CXXThisExpr>(bare(MA->getBase())) &&
           isa<CXXThisExpr>(bare(MB->getBase()));
  }
  auto Element = [&](const Expr *E) -> std::pair<const Expr *, const Expr *> {
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      return {Op->getArg(0), Op->getArg(1)};
    if (const auto *Sub = dyn_cast_or_null<ArraySubscriptExpr>(E))
      return {Sub->getBase(), Sub->getIdx()};
    return {nullptr, nullptr};
  };
  auto [BaseA, IndexA] = Element(A);
  auto [BaseB, IndexB] = Element(B);
  std::optional<int64_t> IA =
      IndexA ? integerConstant(IndexA, Ctx) : std::nullopt;
  std::optional<int64_t> IB =
      IndexB ? integerConstant(IndexB, Ctx) : std::nullopt;
  return IA && IB && *IA == *IB && isa<MemberExpr>(bare(BaseA)) &&
         sameOwnDescriptor(BaseA, BaseB, Ctx);
}

/// True when \p E calls, on the object \p Object names, a member whose
/// body only returns \p Descriptor (an accessor: `producer()` returns
/// `fds[0]`).
bool callsAccessor(const Expr *E, const ValueDecl *Object,
                   const Expr *Descriptor, const ASTContext &Ctx) {
  bool Found = false;
  forEachOwnStmt(E, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const auto *Ref =
        Call ? dyn_cast<DeclRefExpr>(bare(Call->getImplicitObjectArgument()))
             : nullptr;
    const FunctionDecl *Def = Call && Call->getMethodDecl()
                                  ? Call->getMethodDecl()->getDefinition()
                                  : nullptr;
    const auto *Body =
        Def ? dyn_cast_or_null<CompoundStmt>(Def->getBody()) : nullptr;
    if (Found || !Ref || Ref->getDecl() != Object || !Body || Body->size() != 1)
      return;
    const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
    Found = Return && sameOwnDescriptor(Return->getRetValue(), Descriptor, Ctx);
  });
  return Found;
}

} // namespace

bool NonBlockingIO::afterReadinessAwait(const FunctionDecl &FD,
                                        const CallExpr &Call) {
  const ValueDecl *Fd = descriptorOf(Call);
  return Fd && awaitsReadiness(suspensionBefore(getUserBody(FD), Call), Fd);
}

const Expr *NonBlockingIO::ownDescriptor(const FunctionDecl &FD,
                                         const CallExpr &Call) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (!Method || Method->isStatic() || Call.getNumArgs() == 0 ||
      isCoroutine(FD))
    return nullptr;
  const Expr *Arg = Call.getArg(0);
  return sameOwnDescriptor(Arg, Arg, FD.getASTContext()) ? Arg : nullptr;
}

bool NonBlockingIO::afterObjectReadinessAwait(const FunctionDecl &FD,
                                              const CXXMemberCallExpr &Call,
                                              const Expr *Descriptor) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(bare(Call.getImplicitObjectArgument()));
  const Expr *Operand =
      Ref ? soleAwaitOperand(suspensionBefore(getUserBody(FD), Call)) : nullptr;
  return Operand &&
         callsAccessor(Operand, Ref->getDecl(), Descriptor, FD.getASTContext());
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
