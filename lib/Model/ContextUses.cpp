//===--- ContextUses.cpp - async-lint -------------------------------------===//

#include "ContextUses.h"
#include "CallInfo.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "LambdaCalls.h"
#include "ManualModes.h"
#include "SummaryPlaces.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::async::model {

namespace {

/// The local variable \p E names, through parentheses and implicit casts.
const VarDecl *localNamed(const Expr *E) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// The variable \p E names, through parentheses, implicit casts and a smart
/// pointer's dereference (Ex->post(f), (*Ex).post(f)).
const DeclRefExpr *ownerRef(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() == 1 &&
      (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star))
    E = Op->getArg(0)->IgnoreParenImpCasts();
  return dyn_cast<DeclRefExpr>(E);
}

/// The class \p T points to when it is a class template specialisation of
/// one type argument or more (std::shared_ptr<X>, std::unique_ptr<X>).
QualType pointeeOf(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return {};
  return Spec->getTemplateArgs()[0].getAsType();
}

/// The arguments of a call or construction that are the program's own: not
/// the function object of a call through operator().
llvm::SmallVector<const Expr *, 4> argumentsOf(const Stmt &S) {
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    Args.append(Construct->arg_begin(), Construct->arg_end());
  else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    unsigned First = Op && Op->getOperator() == OO_Call ? 1 : 0;
    for (unsigned I = First; I < Call->getNumArgs(); ++I)
      Args.push_back(Call->getArg(I));
  }
  return Args;
}

/// Collects the uses of the local contexts of one body.
class Collector {
public:
  Collector(const ContextKnowledge &K, const OwnStmts *Own, LeftContexts Left)
      : K(K), Own(Own), Left(Left) {}
  std::vector<ContextUses> run(const Stmt &Body,
                               llvm::ArrayRef<const ParmVarDecl *> Params);

private:
  void declare(const VarDecl &Var);
  void classify(const Stmt &S);
  void classifyCall(const Stmt &S, const CallInfo &Info);
  /// A call of a function of another unit that, by its summary, leaves the
  /// context it is given unrun: not a mention that hands it on.
  void classifyLeft(const CallExpr &Call);
  /// A member call: of the context (a run), or handing work to it.
  void classifyMember(const CXXMemberCallExpr &S, const CallInfo &Info,
                      bool HandsOff);
  /// The context that \p E stands for: the context itself, an executor or
  /// I/O object made from it, or a call that makes one.
  const VarDecl *contextOf(const Expr *E) const;
  /// The context some part of \p E (not inside a lambda) stands for.
  const VarDecl *contextWithin(const Stmt *S) const;
  /// \p Awaited: an awaited hand-off (AwaitedHandOffs), which hands work
  /// over only in a coroutine lambda's body.
  void handOff(const VarDecl *Ctx, const Stmt &Call, bool Awaited = false);
  void escape(const VarDecl *Ctx, const Stmt &Where);
  void classifyLambda(const LambdaExpr &Lambda);
  /// Notes a call of a lambda: in place, by a local's name, or through a
  /// function that calls it at once (std::invoke).
  void noteLambdaCall(const Stmt &S, const CallInfo *Info);
  /// Places the hand-offs in lambda bodies at the calls of those lambdas.
  void placeLambdaWork();
  void walk(const Stmt &Body);

  const ContextKnowledge &K;
  /// The walked function's own statements, when the caller has them.
  const OwnStmts *Own;
  LeftContexts Left;
  llvm::DenseMap<const VarDecl *, unsigned> Index;
  std::vector<ContextUses> Uses;
  /// Executors and I/O objects made from a context, by variable.
  llvm::DenseMap<const VarDecl *, const VarDecl *> Aliases;
  /// Mentions of a context that neither run it nor hand it on.
  llvm::DenseSet<const DeclRefExpr *> Accounted;
  llvm::SmallVector<const DeclRefExpr *, 8> Mentions;
  /// How many bodies of lambdas that capture a context are being walked.
  unsigned InLambda = 0;
  /// The lambdas being walked, innermost last.
  llvm::SmallVector<const LambdaExpr *, 2> Lambdas;
  /// The hand-offs in the body of each lambda (not in its inner lambdas).
  struct InnerHandOff {
    const VarDecl *Context;
    const Expr *Call;
    bool Awaited;
  };
  llvm::DenseMap<const LambdaExpr *, llvm::SmallVector<InnerHandOff, 1>>
      LambdaWork;
  /// The calls of lambdas that run their bodies there, with the local that
  /// names the lambda (null for one called in place). Started: a coroutine
  /// lambda's task that Call (a TaskStarters call) starts and waits for.
  struct LambdaCall {
    const Expr *Call;
    const LambdaExpr *Lambda;
    const VarDecl *Named;
    bool Started;
  };
  std::vector<LambdaCall> LambdaCalls;
  /// The mentions of those locals that call them.
  llvm::DenseSet<const DeclRefExpr *> CallingRefs;
};

const VarDecl *Collector::contextOf(const Expr *E) const {
  if (!E)
    return nullptr;
  // Through temporaries and implicit conversions (an io_context's executor
  // converted to any_io_executor).
  E = E->IgnoreUnlessSpelledInSource();
  const DeclRefExpr *Ref = ownerRef(E);
  if (const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr) {
    if (Index.count(Var))
      return Var;
    return Aliases.lookup(Var);
  }
  std::optional<CallInfo> Info = describeCall(*E);
  if (!Info)
    return nullptr;
  bool IoObject = false;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    IoObject = K.IoObjectTypes.matches(canonicalTypeName(Construct->getType()));
    // A copy, a move or a conversion of an executor or I/O object stands
    // for its context.
    if (!IoObject && Construct->getNumArgs() == 1)
      return contextOf(Construct->getArg(0));
  }
  if (!IoObject && !anyNameMatches(K.ExecutorAccessors, *Info))
    return nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E))
    return contextOf(Member->getImplicitObjectArgument());
  for (const Expr *Arg : argumentsOf(*E))
    if (const VarDecl *Ctx = contextOf(Arg))
      return Ctx;
  return nullptr;
}

const VarDecl *Collector::contextWithin(const Stmt *S) const {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const VarDecl *Ctx = contextOf(E))
      return Ctx;
  for (const Stmt *Child : S->children())
    if (const VarDecl *Ctx = contextWithin(Child))
      return Ctx;
  return nullptr;
}

/// True when \p Var is a local context, whose uses are collected.
bool isLocalContext(const VarDecl &Var, const ContextKnowledge &K) {
  return Var.hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         !Var.getType()->isReferenceType() &&
         !Var.getType()->isDependentType() &&
         matchesClassOf(K.ContextTypes, Var.getType());
}

/// True when an own statement of \p Body declares a local context, or a
/// local pointer to one (which may own it: Collector::declare). Without
/// one the collector finds nothing: what it follows (aliases, lambdas that
/// capture, hand-offs) all starts from one.
bool declaresContext(const Stmt &Body, const ContextKnowledge &K,
                     const OwnStmts *Own) {
  bool Found = false;
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const auto *DS = dyn_cast<DeclStmt>(&S); DS && !Found)
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D)) {
          QualType Pointee = Var->getType()->isDependentType()
                                 ? QualType()
                                 : pointeeOf(Var->getType());
          Found |=
              isLocalContext(*Var, K) ||
              (!Pointee.isNull() && matchesClassOf(K.ContextTypes, Pointee));
        }
  });
  return Found;
}

void Collector::declare(const VarDecl &Var) {
  if (!Var.hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      Var.getType()->isReferenceType() || Var.getType()->isDependentType())
    return;
  if (isLocalContext(Var, K)) {
    Index[&Var] = Uses.size();
    Uses.emplace_back().Context = &Var;
    return;
  }
  // A pointer made by a maker owns a context nobody else can reach; one
  // given by any other call may share it with code that runs it.
  QualType Pointee = pointeeOf(Var.getType());
  std::optional<CallInfo> Init =
      Var.getInit()
          ? describeCall(*Var.getInit()->IgnoreUnlessSpelledInSource())
          : std::nullopt;
  const auto *InitCall = dyn_cast_or_null<CallExpr>(
      Var.getInit() ? Var.getInit()->IgnoreUnlessSpelledInSource() : nullptr);
  bool Maker = Init && (anyNameMatches(K.ContextMakers, *Init) ||
                        (InitCall && anyNameMatches(K.ModeMakers, *Init) &&
                         selectsManualMode(*InitCall, K.ManualModes)));
  if (!Pointee.isNull() && Maker && matchesClassOf(K.ContextTypes, Pointee)) {
    Index[&Var] = Uses.size();
    ContextUses &U = Uses.emplace_back();
    U.Context = &Var;
    U.ThroughPointer = true;
    return;
  }
  if (const VarDecl *Ctx = contextOf(Var.getInit()))
    Aliases[&Var] = Ctx;
}

void Collector::handOff(const VarDecl *Ctx, const Stmt &Call, bool Awaited) {
  // Work handed over in a lambda's body is handed over when it is called
  // (placeLambdaWork).
  if (InLambda) {
    if (!Lambdas.empty() && Index.count(Ctx))
      LambdaWork[Lambdas.back()].push_back({Ctx, cast<Expr>(&Call), Awaited});
    return;
  }
  if (Awaited)
    return;
  auto It = Index.find(Ctx);
  if (It == Index.end())
    return;
  auto &HandOffs = Uses[It->second].HandOffs;
  if (!llvm::is_contained(HandOffs, &Call))
    HandOffs.push_back(cast<Expr>(&Call));
}

void Collector::classifyMember(const CXXMemberCallExpr &S, const CallInfo &Info,
                               bool HandsOff) {
  const Expr *Object = S.getImplicitObjectArgument();
  const DeclRefExpr *Ref = ownerRef(Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (Var && Aliases.count(Var))
    Accounted.insert(Ref);
  // A member of the pointer itself (get, reset) is not one of the
  // context's: it may give the context away.
  bool Deref = Ref != Object->IgnoreParenImpCasts();
  if (Var && Index.count(Var) && Uses[Index[Var]].ThroughPointer != Deref)
    Var = nullptr;
  if (Var && Index.count(Var)) {
    // Any member of the context itself is its own business (stop,
    // restart, get_executor): only the listed ones run it.
    Accounted.insert(Ref);
    if (anyNameMatches(K.RunFunctions, Info)) {
      if (InLambda)
        escape(Var, S);
      else
        Uses[Index[Var]].Runs.insert(&S);
    }
  }
  bool Awaited = !HandsOff && anyNameMatches(K.AwaitedHandOffs, Info);
  if (HandsOff || Awaited)
    if (const VarDecl *Ctx = contextOf(Object))
      handOff(Ctx, S, Awaited);
}

void Collector::classifyCall(const Stmt &S, const CallInfo &Info) {
  bool HandsOff = anyNameMatches(K.HandOffFunctions, Info);
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S))
    classifyMember(*Member, Info, HandsOff);
  bool Accessor = anyNameMatches(K.ExecutorAccessors, Info);
  const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
  bool IoObject = Construct && K.IoObjectTypes.matches(
                                   canonicalTypeName(Construct->getType()));
  // A copy or an implicit conversion of an executor stands for it.
  bool Copy = Construct && Construct->getNumArgs() == 1 &&
              Construct->getParenOrBraceRange().isInvalid();
  bool Listed = HandsOff || Accessor || IoObject || Copy;
  for (const Expr *Arg : argumentsOf(S)) {
    const VarDecl *Var = localNamed(Arg);
    // The context an owning pointer's dereference gives a listed call
    // (co_spawn(*ctx, ...)) is used as the context itself would be.
    if (const DeclRefExpr *Ref = Var || !Listed ? nullptr : ownerRef(Arg))
      if (const auto *Owner = dyn_cast<VarDecl>(Ref->getDecl());
          Owner && Index.count(Owner) && Uses[Index[Owner]].ThroughPointer)
        Accounted.insert(Ref);
    // A copy of an owning pointer is another owner, which may run it.
    bool Owner = Var && Index.count(Var) && Uses[Index[Var]].ThroughPointer;
    if (Var && (Index.count(Var) || Aliases.count(Var)) && Listed &&
        !(Owner && Copy))
      Accounted.insert(cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()));
    if (HandsOff)
      if (const VarDecl *Ctx = contextWithin(Arg))
        handOff(Ctx, S);
    // Other code given an executor or I/O object of the context can reach
    // the context itself (asio's query(ex, execution::context)) and run it,
    // as a completion token that runs the context until the operation ends.
    if (!Listed && !Var)
      if (const VarDecl *Ctx = contextOf(Arg))
        escape(Ctx, *Arg);
  }
}

void Collector::classifyLeft(const CallExpr &Call) {
  const FunctionDecl *Callee = staticCallee(Call);
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return;
  for (unsigned I = 0; I < Call.getNumArgs() && I < Callee->getNumParams();
       ++I) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call.getArg(I)->IgnoreParenImpCasts());
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    auto It = Var ? Index.find(Var) : Index.end();
    // A parameter given on is handed on: summaries state one level only.
    if (It == Index.end() || Uses[It->second].ThroughPointer ||
        Uses[It->second].Parameter ||
        !Callee->getParamDecl(I)->getType()->isLValueReferenceType())
      continue;
    const SummaryStep *Step = Left(*Callee, I);
    if (!Step)
      continue;
    Accounted.insert(Ref);
    Uses[It->second].LeftBy.push_back({&Call, Step});
    if (Step->Callee != "-")
      handOff(Var, Call);
  }
}

void Collector::classify(const Stmt &S) {
  if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D))
        declare(*Var);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
    classifyLambda(*Lambda);
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(&S); Call && Left)
    classifyLeft(*Call);
  std::optional<CallInfo> Info = describeCall(S);
  if (Info)
    classifyCall(S, *Info);
  if (!InLambda && isa<CallExpr>(S))
    noteLambdaCall(S, Info ? &*Info : nullptr);
}

void Collector::walk(const Stmt &Body) {
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    classify(S);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      Mentions.push_back(Ref);
  });
}

void Collector::escape(const VarDecl *Ctx, const Stmt &Where) {
  auto It = Index.find(Ctx);
  if (It != Index.end() && !Uses[It->second].Escape)
    Uses[It->second].Escape = &Where;
}

void Collector::classifyLambda(const LambdaExpr &Lambda) {
  bool Captures = false;
  auto Init = Lambda.capture_init_begin();
  for (const LambdaCapture &Capture : Lambda.captures()) {
    const Expr *Value = *Init++;
    const auto *Var = Capture.capturesVariable()
                          ? dyn_cast<VarDecl>(Capture.getCapturedVar())
                          : nullptr;
    if (!Var || !(Index.count(Var) || Aliases.count(Var)))
      continue;
    Captures = true;
    if (const auto *Ref =
            Value ? dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts())
                  : nullptr)
      Accounted.insert(Ref);
  }
  if (!Captures || !Lambda.getBody())
    return;
  // The body runs whenever the lambda is called (in a thread, as a signal
  // handler): a run there, or handing the context on from there, hands it
  // on; stopping it or taking its executor there does not.
  ++InLambda;
  Lambdas.push_back(&Lambda);
  walk(*Lambda.getBody());
  Lambdas.pop_back();
  --InLambda;
}

void Collector::noteLambdaCall(const Stmt &S, const CallInfo *Info) {
  const auto *Call = cast<CallExpr>(&S);
  for (const CalledLambda &L :
       lambdasRunBy(*Call, Info, K.InvokeFunctions, K.TaskStarters)) {
    const auto *Named = L.Named ? cast<VarDecl>(L.Named->getDecl()) : nullptr;
    LambdaCalls.push_back({Call, L.Lambda, Named, L.Started});
    if (L.Named)
      CallingRefs.insert(L.Named);
  }
}

void Collector::placeLambdaWork() {
  // A local lambda mentioned other than by its calls may run anywhere,
  // any time (a thread, a handler): its work is not placed.
  llvm::DenseSet<const VarDecl *> Elsewhere;
  for (const DeclRefExpr *Ref : Mentions)
    if (!CallingRefs.contains(Ref))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        Elsewhere.insert(Var);
  for (const LambdaCall &C : LambdaCalls) {
    if (C.Named && Elsewhere.contains(C.Named))
      continue;
    for (const InnerHandOff &H : LambdaWork.lookup(C.Lambda)) {
      // An awaited hand-off hands work over only in a started coroutine.
      if (H.Awaited && !C.Started)
        continue;
      ContextUses &U = Uses[Index[H.Context]];
      if (H.Awaited)
        U.Blocking.insert(C.Call);
      if (!llvm::is_contained(U.HandOffs, C.Call)) {
        U.HandOffs.push_back(C.Call);
        U.InLambda[C.Call] = H.Call;
      }
    }
  }
  // The check reports the first hand-off some path leaves unrun.
  for (ContextUses &U : Uses) {
    const SourceManager &SM = U.Context->getASTContext().getSourceManager();
    llvm::sort(U.HandOffs, [&](const Expr *A, const Expr *B) {
      return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(A->getBeginLoc()),
                                          SM.getExpansionLoc(B->getBeginLoc()));
    });
  }
}

std::vector<ContextUses>
Collector::run(const Stmt &Body, llvm::ArrayRef<const ParmVarDecl *> Params) {
  for (const ParmVarDecl *Param : Params) {
    Index[Param] = Uses.size();
    ContextUses &U = Uses.emplace_back();
    U.Context = Param;
    U.Parameter = true;
  }
  walk(Body);
  placeLambdaWork();
  // Every other mention hands the context on: passed to a function that may
  // run it, bound to a reference, its address taken, returned.
  // So does any other mention of an executor or I/O object made from it.
  for (const DeclRefExpr *Ref : Mentions) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (!Var || Accounted.contains(Ref))
      continue;
    if (const VarDecl *Ctx = Aliases.lookup(Var))
      escape(Ctx, *Ref);
    else
      escape(Var, *Ref);
  }
  return std::move(Uses);
}

} // namespace

std::vector<ContextUses>
contextUsesOf(const Stmt &Body, const ContextKnowledge &K, const OwnStmts *Own,
              llvm::ArrayRef<const ParmVarDecl *> Params, LeftContexts Left) {
  // Most functions own no context: one look at their declarations instead
  // of classifying every call.
  if (Params.empty() && !declaresContext(Body, K, Own))
    return {};
  return Collector(K, Own, Left).run(Body, Params);
}

} // namespace clang::tidy::async::model
