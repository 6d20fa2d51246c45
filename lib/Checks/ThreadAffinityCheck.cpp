//===--- ThreadAffinityCheck.cpp - async-lint -----------------------------===//
//
// Locals that hold a thread_local's address or reference, or a value
// computed from the current thread's id, taken before a suspension point and
// used after it. Guards are in ThreadAffinityGuards.cpp.
//
//===----------------------------------------------------------------------===//

#include "ThreadAffinityCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/Expressions.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral IgnoredFunctionsOpt = "IgnoredFunctions";
constexpr llvm::StringLiteral SameThreadTaskTypesOpt = "SameThreadTaskTypes";
constexpr llvm::StringLiteral ThreadAffineFunctionsOpt =
    "ThreadAffineFunctions";
constexpr llvm::StringLiteral ThreadIdFunctionsOpt = "ThreadIdFunctions";
constexpr llvm::StringLiteral PerThreadValueFunctionsOpt =
    "PerThreadValueFunctions";
constexpr llvm::StringLiteral ResumeElsewhereFunctionsOpt =
    "ResumeElsewhereFunctions";
constexpr llvm::StringLiteral ThreadTypesOpt = "ThreadTypes";
constexpr llvm::StringLiteral StrictResumeThreadOpt = "StrictResumeThread";

/// Operations whose await resumes the coroutine on another executor or on a
/// pool's thread. Not asio's post/dispatch: an asio::awaitable is resumed
/// through its own executor, whatever the operation's is.
constexpr llvm::StringLiteral DefaultResumeElsewhereFunctions =
    "::coro::thread_pool::schedule;::coro::thread_pool::yield;"
    "::coro::scheduler::schedule;::coro::scheduler::yield;"
    "::coro::io_scheduler::schedule;::coro::io_scheduler::yield;"
    "::cppcoro::static_thread_pool::schedule;::cppcoro::io_service::schedule;"
    "::cppcoro::resume_on;::concurrencpp::resume_on;"
    "::async_simple::coro::dispatch";

/// The variable \p E names (through parentheses and implicit casts that
/// keep it an lvalue); null otherwise.
const VarDecl *namedVar(const Expr *E) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(model::strip(E, model::Wrappers::Syntax));
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// True for an implicit cast that leaves an lvalue denoting the same object.
bool keepsObject(const ImplicitCastExpr &Cast) {
  switch (Cast.getCastKind()) {
  case CK_NoOp:
  case CK_DerivedToBase:
  case CK_UncheckedDerivedToBase:
    return true;
  default:
    return false;
  }
}

} // namespace

ThreadAffinityCheck::ThreadAffinityCheck(StringRef Name,
                                         ClangTidyContext *Context)
    : AsyncCheck(Name, Context, Judges::Coroutines),
      IgnoredFunctions(Options.get(IgnoredFunctionsOpt, "")),
      SameThreadTaskTypes(Options.get(SameThreadTaskTypesOpt, "")),
      ThreadAffineFunctions(
          Options.get(ThreadAffineFunctionsOpt, "::__errno_location")),
      ThreadIdFunctions(
          Options.get(ThreadIdFunctionsOpt,
                      "::std::this_thread::get_id;::pthread_self;::gettid")),
      PerThreadValueFunctions(
          Options.get(PerThreadValueFunctionsOpt,
                      "::std::uncaught_exceptions;::std::uncaught_exception")),
      ResumeElsewhereFunctions(Options.get(ResumeElsewhereFunctionsOpt,
                                           DefaultResumeElsewhereFunctions)),
      ThreadTypes(Options.get(ThreadTypesOpt, "::std::thread;::std::jthread")),
      StrictResumeThread(Options.get(StrictResumeThreadOpt, false)),
      Resume(ResumeElsewhereFunctions, ThreadTypes) {}

void ThreadAffinityCheck::storeCheckOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, IgnoredFunctionsOpt, IgnoredFunctions.str());
  Options.store(Opts, SameThreadTaskTypesOpt, SameThreadTaskTypes.str());
  Options.store(Opts, ThreadAffineFunctionsOpt, ThreadAffineFunctions.str());
  Options.store(Opts, ThreadIdFunctionsOpt, ThreadIdFunctions.str());
  Options.store(Opts, PerThreadValueFunctionsOpt,
                PerThreadValueFunctions.str());
  Options.store(Opts, ResumeElsewhereFunctionsOpt,
                ResumeElsewhereFunctions.str());
  Options.store(Opts, ThreadTypesOpt, ThreadTypes.str());
  Options.store(Opts, StrictResumeThreadOpt, StrictResumeThread);
}

void ThreadAffinityCheck::startTranslationUnit() {
  ReturnedThreadLocals.clear();
  Captures.clear();
  Evidence.clear();
  Resume.clear();
}

const VarDecl *ThreadAffinityCheck::threadLocalOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 32; ++Depth) {
    E = E->IgnoreParens();
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E)) {
      if (!keepsObject(*Cast))
        return nullptr;
      E = Cast->getSubExpr();
    } else if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      return Var && Var->getTLSKind() != VarDecl::TLS_None ? Var : nullptr;
    } else if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (Member->isArrow() || !isa<FieldDecl>(Member->getMemberDecl()))
        return nullptr;
      E = Member->getBase();
    } else if (const auto *Element = dyn_cast<ArraySubscriptExpr>(E)) {
      // An element of an array, not of what a pointer points to.
      const auto *Decay =
          dyn_cast<ImplicitCastExpr>(Element->getBase()->IgnoreParens());
      if (!Decay || Decay->getCastKind() != CK_ArrayToPointerDecay)
        return nullptr;
      E = Decay->getSubExpr();
    } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      return Callee && Callee->getReturnType()->isReferenceType()
                 ? returnedThreadLocal(*Callee)
                 : nullptr;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

const VarDecl *ThreadAffinityCheck::addressedThreadLocal(const Expr *E) {
  E = E ? E->IgnoreParens() : nullptr;
  while (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(E)) {
    if (Cast->getCastKind() == CK_ArrayToPointerDecay)
      return threadLocalOf(Cast->getSubExpr());
    if (Cast->getCastKind() != CK_NoOp && Cast->getCastKind() != CK_BitCast)
      return nullptr;
    E = Cast->getSubExpr()->IgnoreParens();
  }
  if (const auto *Op = dyn_cast_or_null<UnaryOperator>(E);
      Op && Op->getOpcode() == UO_AddrOf)
    return threadLocalOf(Op->getSubExpr());
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    return Callee && Callee->getReturnType()->isPointerType()
               ? returnedThreadLocal(*Callee)
               : nullptr;
  }
  return nullptr;
}

const VarDecl *
ThreadAffinityCheck::returnedThreadLocal(const FunctionDecl &FD) {
  const FunctionDecl *Key = FD.getCanonicalDecl();
  if (auto It = ReturnedThreadLocals.find(Key);
      It != ReturnedThreadLocals.end())
    return It->second;
  // Recursion finds nothing while the summary is being made.
  ReturnedThreadLocals[Key] = nullptr;
  const FunctionDecl *Def = FD.getDefinition();
  QualType Result = FD.getReturnType();
  if (!Def || !Def->getBody() || isa<CoroutineBodyStmt>(Def->getBody()))
    return nullptr;
  const VarDecl *Found = nullptr;
  bool Every = true;
  model::forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Return = dyn_cast<ReturnStmt>(&S);
    if (!Return || !Every)
      return;
    const VarDecl *Var = Result->isReferenceType()
                             ? threadLocalOf(Return->getRetValue())
                             : addressedThreadLocal(Return->getRetValue());
    Every = Var != nullptr;
    Found = Found ? Found : Var;
  });
  return ReturnedThreadLocals[Key] = Every ? Found : nullptr;
}

const Expr *ThreadAffinityCheck::listedCallIn(const Stmt *E,
                                              const model::NameMatcher &List) {
  const Expr *Found = nullptr;
  model::forEachOwnStmt(E, [&](const Stmt &S) {
    if (!Found)
      Found = model::callOfListed(S, List);
  });
  return Found;
}

std::optional<ThreadAffinityCheck::Taking>
ThreadAffinityCheck::takingOf(const Expr *Init, QualType T,
                              const llvm::DenseSet<const VarDecl *> &Ids) {
  if (!Init || T.isNull())
    return std::nullopt;
  if (const Expr *Call = listedCallIn(Init, ThreadIdFunctions))
    if (const FunctionDecl *Callee = cast<CallExpr>(Call)->getDirectCallee())
      return Taking{Taking::ThreadId, Callee, Call};
  const DeclRefExpr *FromId = nullptr;
  model::forEachOwnStmt(Init, [&](const Stmt &S) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S);
        Ref && !FromId && Ids.contains(dyn_cast<VarDecl>(Ref->getDecl())))
      FromId = Ref;
  });
  if (FromId)
    return Taking{Taking::ThreadId, FromId->getDecl(), FromId};
  const auto *Call =
      dyn_cast_or_null<CallExpr>(model::strip(Init, model::Wrappers::Syntax));
  const FunctionDecl *Listed =
      Call && model::callOfListed(*Call, ThreadAffineFunctions)
          ? Call->getDirectCallee()
          : nullptr;
  if (T->isReferenceType()) {
    if (const VarDecl *Var = threadLocalOf(Init))
      return Taking{Taking::Reference, Var, Init};
    if (Listed && Listed->getReturnType()->isReferenceType())
      return Taking{Taking::Reference, Listed, Init};
  } else if (T->isPointerType()) {
    if (const VarDecl *Var = addressedThreadLocal(Init))
      return Taking{Taking::Address, Var, Init};
    if (Listed && Listed->getReturnType()->isPointerType())
      return Taking{Taking::Address, Listed, Init};
  }
  return std::nullopt;
}

bool ThreadAffinityCheck::movesThread(const CoroutineSuspendExpr &Suspension) {
  auto [It, New] = Evidence.try_emplace(&Suspension);
  if (New)
    It->second = Resume.evidenceAt(Suspension);
  return StrictResumeThread || It->second;
}

void ThreadAffinityCheck::noteResumesElsewhere(
    const CoroutineSuspendExpr &Suspension) {
  model::ResumeEvidence E = Evidence.lookup(&Suspension);
  switch (E.Kind) {
  case model::ResumeEvidence::None:
    // Only under StrictResumeThread: nothing shows where it resumes.
    diag(Suspension.getBeginLoc(),
         "the coroutine may resume on another thread after this suspension",
         DiagnosticIDs::Note);
    return;
  case model::ResumeEvidence::Transfer:
    diag(Suspension.getBeginLoc(),
         "the coroutine may resume on another thread after this suspension: "
         "%0 resumes it on another executor or a pool's thread",
         DiagnosticIDs::Note)
        << E.Via << E.Where->getSourceRange();
    return;
  case model::ResumeEvidence::NewThread:
  case model::ResumeEvidence::HandedToTransfer:
    diag(Suspension.getBeginLoc(),
         "the coroutine may resume on another thread after this suspension: "
         "its awaiter hands the coroutine to %select{a new thread|%1}0",
         DiagnosticIDs::Note)
        << (E.Kind == model::ResumeEvidence::HandedToTransfer) << E.Via;
    diag(E.Where->getBeginLoc(),
         "%select{a %1 started here|%1 called here}0 resumes the coroutine",
         DiagnosticIDs::Note)
        << (E.Kind == model::ResumeEvidence::HandedToTransfer) << E.Via
        << E.Where->getSourceRange();
    return;
  }
}

model::LateUse ThreadAffinityCheck::firstUseAfterMove(
    CheckedFunction &F, const Stmt &From,
    llvm::function_ref<bool(const Stmt &)> IsUse,
    llvm::function_ref<bool(const Stmt &)> Ends) {
  // Two facts along the paths from From: what it took is held (keyed by
  // From), and it has been carried across a suspension that moves the
  // coroutine (keyed by IsUse's address, with that suspension).
  const void *Held = &From;
  const void *Crossed = &IsUse;
  model::LateUse First;
  const SourceManager &SM = F.Ctx.getSourceManager();
  auto Statement = [&](const Stmt &S, model::HeldFacts &Facts) {
    if (&S == &From) {
      Facts.erase(Crossed);
      Facts[Held] = &From;
      return;
    }
    if (Ends(S)) {
      Facts.erase(Held);
      Facts.erase(Crossed);
      return;
    }
    if (auto It = Facts.find(Crossed);
        It != Facts.end() && IsUse(S) &&
        (!First.Use || SM.isBeforeInTranslationUnit(S.getBeginLoc(),
                                                    First.Use->getBeginLoc())))
      First = {&S, cast<CoroutineSuspendExpr>(It->second)};
    const auto *Suspension = dyn_cast<CoroutineSuspendExpr>(&S);
    if (Suspension && Facts.count(Held) &&
        llvm::is_contained(F.suspensions().points(), Suspension) &&
        movesThread(*Suspension))
      Facts.try_emplace(Crossed, Suspension);
  };
  model::FactTransfer T;
  T.Statement = Statement;
  F.suspensions().heldAtSuspensions(T);
  return First;
}

void ThreadAffinityCheck::checkTaking(CheckedFunction &F, const VarDecl &Var,
                                      const Stmt &From, const Taking &T,
                                      const Uses &U) {
  auto IsUse = [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == &Var && !U.Written.contains(Ref) &&
           !(T.Kind == Taking::ThreadId && U.Compared.contains(Ref));
  };
  // What Var holds is taken anew where it is declared or assigned again.
  auto Ends = [&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S))
      return llvm::is_contained(DS->decls(), &Var);
    return !Var.getType()->isReferenceType() &&
           namedVar(model::assignmentParts(&S).first) == &Var;
  };
  // Without evidence asked for, any suspension that can suspend counts, as
  // the shared flow reads it.
  model::LateUse Late = StrictResumeThread
                            ? F.suspensions().firstUseAcross(From, IsUse, Ends)
                            : firstUseAfterMove(F, From, IsUse, Ends);
  if (Late.Suspension)
    movesThread(*Late.Suspension);
  SourceLocation Loc =
      isa<DeclStmt>(From) ? Var.getLocation() : From.getBeginLoc();
  if (!Late.Use || !reportOnce(Loc))
    return;
  // State a listed function hands out is not a thread_local we can name.
  bool Handed = isa<FunctionDecl>(T.Source) && T.Kind != Taking::ThreadId;
  diag(Loc, "%0 %select{points to thread_local %1|refers to thread_local "
            "%1|is computed from the current thread's id|points to state of "
            "the calling thread returned by %1|refers to state of the calling "
            "thread returned by %1}2 and is used after a suspension point; "
            "the coroutine may resume on another thread there, and then %0 "
            "%select{points to another thread's %1|refers to another thread's "
            "%1|describes the thread it left|points to state of the thread it "
            "left|refers to state of the thread it left}2")
      << &Var << T.Source << (T.Kind + (Handed ? 3 : 0));
  diag(T.Where->getBeginLoc(),
       "%select{the address is taken|the reference is bound|the thread id is "
       "taken}0 here",
       DiagnosticIDs::Note)
      << T.Kind << T.Where->getSourceRange();
  noteResumesElsewhere(*Late.Suspension);
  diag(Late.Use->getBeginLoc(), "%0 is used here, after the suspension",
       DiagnosticIDs::Note)
      << &Var;
}

bool ThreadAffinityCheck::fetchesThreadId(const Expr *E) const {
  bool Fetches = false;
  model::forEachOwnStmt(E, [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    Fetches = Fetches || model::callOfListed(S, ThreadIdFunctions) ||
              (Var && Var->hasLocalStorage() &&
               listedCallIn(Var->getInit(), ThreadIdFunctions));
  });
  return Fetches;
}

ThreadAffinityCheck::Uses ThreadAffinityCheck::usesIn(CheckedFunction &F) {
  Uses U;
  auto AddRefs = [&](const Expr *Side) {
    model::forEachOwnStmt(Side, [&](const Stmt &S) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
        U.Compared.insert(Ref);
    });
  };
  F.forEachStmt([&](const Stmt &S) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(model::strip(
            model::assignmentParts(&S).first, model::Wrappers::Syntax)))
      U.Written.insert(Ref);
    const Expr *Sides[2] = {nullptr, nullptr};
    if (const auto *BO = dyn_cast<BinaryOperator>(&S);
        BO && BO->isComparisonOp())
      Sides[0] = BO->getLHS(), Sides[1] = BO->getRHS();
    else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->isComparisonOp() && Op->getNumArgs() == 2)
      Sides[0] = Op->getArg(0), Sides[1] = Op->getArg(1);
    else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(&S);
             Rewritten && Rewritten->isComparisonOp())
      Sides[0] = Rewritten->getLHS(), Sides[1] = Rewritten->getRHS();
    // A thread id compared with the id fetched again (here, or into a
    // local) tells whether the coroutine moved: what the code means to do.
    for (int I = 0; I < 2 && Sides[0]; ++I)
      if (fetchesThreadId(Sides[1 - I]))
        AddRefs(Sides[I]);
    // One handed to what the coroutine awaits asks to go back to that
    // thread.
    if (const auto *Await = dyn_cast<CoroutineSuspendExpr>(&S))
      AddRefs(Await->getOperand());
  });
  return U;
}

void ThreadAffinityCheck::checkLocals(CheckedFunction &F) {
  std::optional<Uses> U;
  llvm::DenseSet<const VarDecl *> Ids;
  F.forEachStmt([&](const Stmt &S) {
    const VarDecl *Var = nullptr;
    const Expr *Init = nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(&S); DS && DS->isSingleDecl()) {
      Var = dyn_cast<VarDecl>(DS->getSingleDecl());
      Init = Var ? Var->getInit() : nullptr;
    } else if (isa<BinaryOperator, CXXOperatorCallExpr>(S)) {
      auto [Target, Value] = model::assignmentParts(&S);
      Var = namedVar(Target);
      Init = Var && !Var->getType()->isReferenceType() ? Value : nullptr;
    }
    if (!Var || !Init || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var))
      return;
    std::optional<Taking> T = takingOf(Init, Var->getType(), Ids);
    if (!T)
      return;
    if (T->Kind == Taking::ThreadId)
      Ids.insert(Var);
    if (!U)
      U = usesIn(F);
    checkTaking(F, *Var, S, *T, *U);
  });
}

void ThreadAffinityCheck::checkFunction(CheckedFunction &F) {
  if (IgnoredFunctions.matches(model::canonicalName(F.Decl)) ||
      SameThreadTaskTypes.matches(
          model::canonicalTypeName(F.Decl.getReturnType())))
    return;
  if (F.suspensions().points().empty())
    return;
  checkLocals(F);
  checkGuards(F);
}

} // namespace clang::tidy::async
