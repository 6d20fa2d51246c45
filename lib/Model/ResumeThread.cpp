//===--- ResumeThread.cpp - async-lint ------------------------------------===//
//
// The awaiter a suspension point uses is the one after the promise's
// await_transform: a library whose promise wraps every awaiter (async_simple's
// Lazy) decides there where the coroutine resumes, whatever the wrapped
// operation does with the handle it is given. So the search starts at the
// await_suspend the suspension calls and follows the coroutine's own handle
// only: into an awaiter it is handed to unchanged, not into one that is given
// another handle.
//
//===----------------------------------------------------------------------===//

#include "ResumeThread.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Mentions.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p E is the handle \p P itself: through conversions between
/// coroutine_handle types, copies and std::move.
bool isHandle(const Expr *E, const ParmVarDecl &P) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl() == &P;
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1)
      E = Construct->getArg(0);
    else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E);
             Member &&
             isa_and_nonnull<CXXConversionDecl>(Member->getMethodDecl()))
      E = Member->getImplicitObjectArgument();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->isCallToStdMove())
      E = Call->getArg(0);
    else
      return false;
  }
  return false;
}

/// True for a member function of the awaiter protocol named \p Name.
bool isProtocolMember(const FunctionDecl *FD, StringRef Name) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(FD);
  return Method && Method->getIdentifier() && Method->getName() == Name;
}

} // namespace

const CXXMemberCallExpr *
ResumeThread::awaitSuspendCall(const CoroutineSuspendExpr &Suspension) {
  const CXXMemberCallExpr *Found = nullptr;
  // The awaiter itself is an opaque value here, so the walk stays within
  // this suspension's own call.
  forEachWithin(Suspension.getSuspendExpr(), true, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    if (!Found && Call &&
        isProtocolMember(Call->getMethodDecl(), "await_suspend"))
      Found = Call;
  });
  return Found;
}

ResumeEvidence ResumeThread::inAwaitSuspend(const FunctionDecl &FD,
                                            unsigned Depth) {
  const FunctionDecl *Key = FD.getCanonicalDecl();
  if (auto It = Memo.find(Key); It != Memo.end())
    return It->second;
  // Recursion finds nothing while the summary is being made.
  Memo[Key] = ResumeEvidence{};
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || !Def->getBody() || Def->getNumParams() == 0 || Depth > 4)
    return ResumeEvidence{};
  const ParmVarDecl &Handle = *Def->getParamDecl(0);
  ResumeEvidence Result;
  bool Routed = false;
  forEachWithin(Def->getBody(), true, [&](const Stmt &S) {
    if (Result)
      return;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      const CXXRecordDecl *Record = Ctor ? Ctor->getParent() : nullptr;
      if (Record && ThreadTypes.matches(canonicalName(*Record)) &&
          llvm::any_of(Construct->arguments(), [&](const Expr *Arg) {
            return namesWithin(Arg, Handle);
          }))
        Result = {ResumeEvidence::NewThread, Record, Construct, nullptr};
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    if (callOfListed(*Call, TransferFunctions) && namesWithin(Call, Handle)) {
      Result = {ResumeEvidence::HandedToTransfer, Call->getDirectCallee(), Call,
                nullptr};
      return;
    }
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call);
    if (!Member || Member->getNumArgs() == 0 ||
        !isProtocolMember(Member->getMethodDecl(), "await_suspend"))
      return;
    // An awaiter that delegates: handed the same handle, what it does is
    // what this one does; handed another handle (a wrapper coroutine that
    // re-schedules the continuation), it no longer decides.
    if (isHandle(Member->getArg(0), Handle))
      Result = inAwaitSuspend(*Member->getMethodDecl(), Depth + 1);
    else
      Routed = true;
  });
  if (!Result && Routed)
    Result.RoutedBy = Def;
  return Memo[Key] = Result;
}

ResumeEvidence
ResumeThread::evidenceAt(const CoroutineSuspendExpr &Suspension) {
  if (isa<CoyieldExpr>(Suspension))
    return ResumeEvidence{};
  ResumeEvidence Result;
  if (const CXXMemberCallExpr *Call = awaitSuspendCall(Suspension))
    if (const CXXMethodDecl *Method = Call->getMethodDecl())
      Result = inAwaitSuspend(*Method, 0);
  if (Result || Result.RoutedBy)
    return Result;
  // The operand as written, before the promise's await_transform: an
  // operation that moves the coroutine, unless a wrapper resumes it itself.
  forEachOwnStmt(Suspension.getOperand(), [&](const Stmt &S) {
    if (Result)
      return;
    if (const CallExpr *Call = callOfListed(S, TransferFunctions))
      Result = {ResumeEvidence::Transfer, Call->getDirectCallee(), Call,
                nullptr};
  });
  return Result;
}

} // namespace clang::tidy::async::model
