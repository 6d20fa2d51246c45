//===--- EagerPrefix.cpp - async-lint -------------------------------------===//

#include "EagerPrefix.h"
#include "Awaitables.h"
#include "CoroutineModel.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async::model {

namespace {

/// How long a chain of callers up to main is followed.
constexpr unsigned MaxCallerDepth = 8;

using MentionMap = llvm::DenseMap<const FunctionDecl *,
                                  std::vector<PlainThreadStarts::Mention>>;

/// Gathers every mention of a function declared outside system headers,
/// with the function it is in and whether it is a call's callee.
class MentionIndex : public RecursiveASTVisitor<MentionIndex> {
  using Base = RecursiveASTVisitor<MentionIndex>;

public:
  MentionIndex(MentionMap &Found, const SourceManager &SM)
      : Found(Found), SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  // System headers call none of the program's functions by name.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD)
      return Base::TraverseDecl(D);
    Within.push_back(FD);
    bool Result = Base::TraverseDecl(D);
    Within.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *L) {
    // The captures run where the lambda is made; counting them as the
    // lambda's only makes a caller less known.
    Within.push_back(L->getCallOperator());
    bool Result = Base::TraverseLambdaExpr(L);
    Within.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (const Expr *Callee = Call->getCallee())
      Callees[Callee->IgnoreParenImpCasts()] = Call;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    record(*Ref, Ref->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    record(*Member, Member->getMemberDecl());
    return true;
  }

private:
  void record(const Expr &Ref, const ValueDecl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    const FunctionDecl *In = Within.empty() ? nullptr : Within.back();
    // A template's pattern is judged through its instantiations.
    if (!FD || SM.isInSystemHeader(FD->getLocation()) ||
        (In && In->isDependentContext()))
      return;
    Found[FD->getCanonicalDecl()].push_back({&Ref, In, Callees.lookup(&Ref)});
  }

  MentionMap &Found;
  const SourceManager &SM;
  std::vector<const FunctionDecl *> Within;
  llvm::DenseMap<const Expr *, const CallExpr *> Callees;
};

/// True when the unit can show every caller of \p Def (see EagerPrefix.h).
bool callersAreVisible(const FunctionDecl &Def) {
  const SourceManager &SM = Def.getASTContext().getSourceManager();
  if (!SM.isInMainFile(SM.getExpansionLoc(Def.getLocation())) ||
      isLambdaCallOperator(Def))
    return false;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Def);
  return !Method || !Method->isVirtual();
}

} // namespace

void PlainThreadStarts::clear() {
  SyncWaits.clear();
  Mentions.reset();
  MainOnly.clear();
}

bool PlainThreadStarts::startsOnPlainThread(
    const FunctionDecl &Coro, const NameMatcher &SyncWaitFunctions,
    AnalysisSession &S, AnalysisSession::LibraryId L) {
  if (SyncWaits.startedOnlyBySyncWait(Coro, SyncWaitFunctions))
    return true;
  // A template's pattern runs as its instantiations do.
  if (const FunctionTemplateDecl *Template =
          Coro.getDescribedFunctionTemplate()) {
    auto Specs = Template->specializations();
    return !Specs.empty() && llvm::all_of(Specs, [&](const FunctionDecl *F) {
      return startsOnPlainThread(*F, SyncWaitFunctions, S, L);
    });
  }
  if (!isCoroutine(Coro) || lazinessOfCoroutine(Coro) != Laziness::Eager)
    return false;
  Session = &S;
  Lib = L;
  if (!Mentions) {
    ASTContext &Ctx = Coro.getASTContext();
    Mentions.emplace();
    MentionIndex Index(*Mentions, Ctx.getSourceManager());
    Index.TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  return onlyOnMainThread(Coro, 0);
}

bool PlainThreadStarts::onlyOnMainThread(const FunctionDecl &FD,
                                         unsigned Depth) {
  const FunctionDecl *Def = FD.getDefinition();
  if (!Def || Depth > MaxCallerDepth)
    return false;
  if (Def->isDependentContext())
    return false;
  auto [It, New] = MainOnly.try_emplace(Def->getCanonicalDecl());
  if (!New)
    return It->second.value_or(false);
  bool Only =
      callersAreVisible(*Def) &&
      (!isCoroutine(*Def) || lazinessOfCoroutine(*Def) == Laziness::Eager);
  const std::vector<Mention> &Of = Mentions->lookup(Def->getCanonicalDecl());
  Only = Only && !Of.empty();
  for (const Mention &M : Of) {
    if (!Only)
      break;
    const FunctionDecl *Caller = M.Within;
    if (!M.Call || !Caller) {
      Only = false;
      continue;
    }
    if (Caller->isMain())
      continue;
    // A coroutine runs its call here on its caller's thread only before it
    // first suspends.
    Only = !(isCoroutine(*Caller) && Session->suspensionFlow(*Caller, Lib)
                                         .mayRunAfterSuspension(*M.Call)) &&
           onlyOnMainThread(*Caller, Depth + 1);
  }
  MainOnly[Def->getCanonicalDecl()] = Only;
  return Only;
}

} // namespace clang::tidy::async::model
