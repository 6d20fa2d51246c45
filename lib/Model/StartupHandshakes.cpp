//===--- StartupHandshakes.cpp - async-lint -------------------------------===//

#include "StartupHandshakes.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "TaskFlow.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

using Mentions = llvm::SmallPtrSet<const DeclRefExpr *, 8>;
using MayBlockFn = llvm::function_ref<bool(const Stmt &)>;

/// Adds every mention of \p Var within \p S (nested lambdas included) to
/// \p Out.
void collectMentions(const Stmt *S, const ValueDecl &Var, Mentions &Out) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == &Var)
    Out.insert(Ref);
  for (const Stmt *Child : S->children())
    collectMentions(Child, Var, Out);
}

/// The variable a member call (or member operator) \p S is made on, with
/// the member; nulls when \p S is none.
std::pair<const DeclRefExpr *, const CXXMethodDecl *>
memberCallOn(const Stmt &S) {
  const auto *E = dyn_cast<Expr>(&S);
  E = E ? strip(E, Wrappers::Syntax) : nullptr;
  const Expr *Object = nullptr;
  const CXXMethodDecl *Method = nullptr;
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    Object = Member->getImplicitObjectArgument();
    Method = Member->getMethodDecl();
  } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
             Op && Op->getNumArgs() > 0) {
    Object = Op->getArg(0);
    Method = dyn_cast_or_null<CXXMethodDecl>(Op->getCalleeDecl());
  }
  const auto *Ref =
      Object ? dyn_cast<DeclRefExpr>(strip(Object, Wrappers::Syntax)) : nullptr;
  if (!Ref || !Method)
    return {nullptr, nullptr};
  return {Ref, Method};
}

bool isThreadType(QualType T) {
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = canonicalName(*RD);
  return Name == "::std::thread" || Name == "::std::jthread";
}

/// Calls \p Use with each callable \p S hands to a new thread: the first
/// argument of a construction of a std::thread or std::jthread, or the
/// arguments of an emplace or push on a container of threads (a template
/// whose first argument is one: std::vector<std::jthread>), which constructs
/// the thread from them.
void forEachThreadCallable(const Stmt &S,
                           llvm::function_ref<void(const Expr &)> Use) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    if (isThreadType(Construct->getType()) && Construct->getNumArgs() > 0 &&
        !Construct->getConstructor()->isCopyOrMoveConstructor())
      Use(*Construct->getArg(0));
    return;
  }
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  if (!Method || !Method->getDeclName().isIdentifier())
    return;
  StringRef Name = Method->getName();
  if (!Name.starts_with("emplace") && !Name.starts_with("push_"))
    return;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Member->getRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
      !isThreadType(Spec->getTemplateArgs()[0].getAsType()))
    return;
  for (const Expr *Arg : Member->arguments())
    Use(*Arg);
}

/// What may keep a thread's body from reaching its signal: a loop, a way
/// out of the body, a suspension.
bool mayNotPass(const Stmt &S) {
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, ReturnStmt, GotoStmt,
             IndirectGotoStmt, CXXThrowExpr, CoreturnStmt,
             CoroutineSuspendExpr>(S);
}

/// True when \p Body, the body of a thread's callable, changes \p Var
/// (a non-const member call) in statements of its own at its top level,
/// mentions it nowhere else, and before its last such statement has no
/// loop, no way out and no call that \p MayBlock.
bool signalsFirst(const Stmt *Body, const ValueDecl &Var, MayBlockFn MayBlock) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block)
    return false;
  Mentions All, Signals;
  collectMentions(Block, Var, All);
  bool Writes = false;
  for (const Stmt *S : Block->body()) {
    if (Signals.size() == All.size())
      break;
    bool Stops = mayNotPass(*S);
    forEachOwnStmt(S, [&](const Stmt &Inner) {
      Stops = Stops || mayNotPass(Inner) ||
              (isa<CallExpr, CXXConstructExpr>(Inner) && MayBlock(Inner));
    });
    if (Stops)
      return false;
    auto [Ref, Method] = memberCallOn(*S);
    if (Ref && Ref->getDecl() == &Var) {
      Writes = Writes || !Method->isConst();
      collectMentions(S, Var, Signals);
    }
  }
  return Writes && Signals.size() == All.size();
}

bool capturesByReference(const LambdaExpr &L, const ValueDecl &Var) {
  for (const LambdaCapture &C : L.captures())
    if (C.capturesVariable() && C.getCapturedVar() == &Var &&
        C.getCaptureKind() == LCK_ByRef)
      return true;
  return false;
}

/// True when \p L holds \p Var by reference and its body signals it first;
/// adds the mentions within \p L to \p Accounted.
bool signallingLambda(const LambdaExpr &L, const ValueDecl &Var,
                      MayBlockFn MayBlock, Mentions &Accounted) {
  if (!capturesByReference(L, Var) || !signalsFirst(L.getBody(), Var, MayBlock))
    return false;
  collectMentions(&L, Var, Accounted);
  return true;
}

/// True when \p Helper (make_worker(barrier)) returns only lambdas that
/// hold its reference parameter \p Param and signal it first, and mentions
/// \p Param nowhere else.
bool returnsSignallingLambda(const FunctionDecl &Helper,
                             const ParmVarDecl &Param, MayBlockFn MayBlock) {
  const Stmt *Body = getUserBody(Helper);
  if (!Body || isCoroutine(Helper) || !Param.getType()->isLValueReferenceType())
    return false;
  Mentions All, Accounted;
  collectMentions(Body, Param, All);
  bool Returns = false, Fails = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Ret = dyn_cast<ReturnStmt>(&S);
    if (!Ret || Fails)
      return;
    const LambdaExpr *L = lambdaOf(Ret->getRetValue());
    Fails = !L || !signallingLambda(*L, Param, MayBlock, Accounted);
    Returns = true;
  });
  return Returns && !Fails && Accounted.size() == All.size();
}

/// The local of \p FD that \p Wait is called on; null when it waits on
/// anything else (a member, a parameter, a reference, a static).
const VarDecl *localWaitedOn(const FunctionDecl &FD, const Stmt &Wait) {
  auto [Ref, Method] = memberCallOn(Wait);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || isa<ParmVarDecl>(Var) || !Var->hasLocalStorage() ||
      Var->getType()->isReferenceType())
    return nullptr;
  const auto *Owner = dyn_cast<FunctionDecl>(Var->getDeclContext());
  return Owner && Owner->getCanonicalDecl() == FD.getCanonicalDecl() ? Var
                                                                     : nullptr;
}

} // namespace

bool waitsOnStartupHandshake(const FunctionDecl &FD, const Stmt &Wait,
                             MayBlockFn MayBlock) {
  const VarDecl *Var = localWaitedOn(FD, Wait);
  const Stmt *Body = getUserBody(FD);
  if (!Var || !Body)
    return false;
  const SourceManager &SM = FD.getASTContext().getSourceManager();
  Mentions All, Accounted;
  collectMentions(Body, *Var, All);
  bool Signalled = false, Fails = false;
  // Each callable handed to a thread started before the wait that mentions
  // the local: a lambda holding it, or a helper's call returning one.
  auto Handed = [&](const Expr &Arg) {
    if (Fails ||
        !SM.isBeforeInTranslationUnit(Arg.getBeginLoc(), Wait.getBeginLoc()))
      return;
    if (const LambdaExpr *L = lambdaOf(&Arg)) {
      Mentions Within;
      collectMentions(L, *Var, Within);
      if (Within.empty())
        return;
      Fails = !signallingLambda(*L, *Var, MayBlock, Accounted);
      Signalled = true;
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(strip(&Arg, Wrappers::Object));
    const FunctionDecl *Helper = Call ? calledDefinition(*Call) : nullptr;
    for (unsigned I = 0; Helper && I < Helper->getNumParams(); ++I) {
      const Expr *Given = argumentFor(*Call, I);
      const auto *Ref =
          Given ? dyn_cast<DeclRefExpr>(strip(Given, Wrappers::Syntax))
                : nullptr;
      if (!Ref || Ref->getDecl() != Var)
        continue;
      Fails = Fails || !returnsSignallingLambda(
                           *Helper, *Helper->getParamDecl(I), MayBlock);
      Accounted.insert(Ref);
      Signalled = true;
    }
  };
  forEachOwnStmt(Body, [&](const Stmt &S) {
    // Reads of the local (load) and the wait itself change nothing.
    if (auto [Ref, Method] = memberCallOn(S);
        Ref && Ref->getDecl() == Var && (Method->isConst() || &S == &Wait))
      Accounted.insert(Ref);
    forEachThreadCallable(S, Handed);
  });
  return Signalled && !Fails && Accounted.size() == All.size();
}

} // namespace clang::tidy::async::model
