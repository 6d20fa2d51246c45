//===--- TaskChanges.cpp - async-lint -------------------------------------===//

#include "TaskChanges.h"
#include "AbortingChecks.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "DrainLoops.h"
#include "Expressions.h"
#include "StatementPath.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>

namespace clang::tidy::async::model {

namespace {

SourceLocation at(SourceLocation Loc, const SourceManager &SM) {
  return SM.getExpansionLoc(Loc);
}

/// True when \p E denotes \p Var, or (\p Pointee) what the pointer \p Var
/// points to or a member of it (`*p`, `p->field`).
bool denotes(const Expr *E, const VarDecl *Var, bool Pointee) {
  if (!Pointee)
    return namedDecl(E) == Var;
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Deref = dyn_cast_or_null<UnaryOperator>(E);
      Deref && Deref->getOpcode() == UO_Deref)
    return namedDecl(Deref->getSubExpr()) == Var;
  if (const auto *Member = dyn_cast_or_null<MemberExpr>(E);
      Member && Member->isArrow())
    return namedDecl(Member->getBase()) == Var;
  return false;
}

/// The object a non-const member function is called on by \p Call (a
/// member call or a member operator's first operand), and whether it is
/// reached through '->'.
const Expr *changedObject(const CallExpr &Call, bool &Arrow) {
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Call.getDirectCallee());
  if (!Method || !Method->isInstance() || Method->isConst())
    return nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    const auto *Callee =
        dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens());
    Arrow = Callee && Callee->isArrow();
    return Member->getImplicitObjectArgument();
  }
  return isa<CXXOperatorCallExpr>(Call) && Call.getNumArgs() > 0
             ? Call.getArg(0)
             : nullptr;
}

/// True when \p Call is a call of the coroutine \p Coro (of the lambda
/// whose call operator it is, whatever the instantiation).
bool calls(const CallExpr &Call, const FunctionDecl &Coro) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  const auto *Op = dyn_cast<CXXMethodDecl>(&Coro);
  if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      Method && Op && Op->getParent()->isLambda())
    return Method->getParent() == Op->getParent();
  return Callee && Callee->getCanonicalDecl() == Coro.getCanonicalDecl();
}

/// A parameter of the coroutine that a start binds to the caller's local,
/// and whether the task reaches the local through it as a pointer.
struct BoundName {
  const VarDecl *Name;
  bool Pointee;
};

/// True when \p Call (of the coroutine \p Coro) binds its parameter \p P to
/// the local \p Var: a reference parameter given \p Var (`make(done)`), a
/// pointer parameter given its address (`make(&done)`, \p ByAddress).
bool binds(const CallExpr &Call, const ParmVarDecl &P, const VarDecl *Var,
           bool &ByAddress) {
  const Expr *Arg = argumentFor(Call, P.getFunctionScopeIndex());
  const auto *Address = dyn_cast_or_null<UnaryOperator>(
      Arg ? Arg->IgnoreParenImpCasts() : nullptr);
  bool ByReference =
      P.getType()->isLValueReferenceType() && Arg && namedDecl(Arg) == Var;
  ByAddress = P.getType()->isPointerType() && Address &&
              Address->getOpcode() == UO_AddrOf &&
              namedDecl(Address->getSubExpr()) == Var;
  return ByReference || ByAddress;
}

/// The parameters of \p Coro that the calls of it in \p Start bind to the
/// local \p Var.
llvm::SmallVector<BoundName, 2> boundParameters(const Stmt *Start,
                                                const FunctionDecl &Coro,
                                                const VarDecl *Var) {
  llvm::SmallVector<BoundName, 2> Found;
  forEachOwnStmt(Start, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || !calls(*Call, Coro))
      return;
    for (const ParmVarDecl *P : Coro.parameters()) {
      bool ByAddress = false;
      if (binds(*Call, *P, Var, ByAddress) &&
          llvm::none_of(Found, [&](const BoundName &B) { return B.Name == P; }))
        Found.push_back({P, ByAddress});
    }
  });
  return Found;
}

/// The last use, in source order, of what \p Coro borrows in its \p Body.
SourceLocation lastBorrowedUse(const Stmt &Body, const FunctionDecl &Coro,
                               const SourceManager &SM) {
  SourceLocation Last;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    SourceLocation Loc = at(S.getBeginLoc(), SM);
    if (isBorrowedUse(S, Coro) &&
        (Last.isInvalid() || SM.isBeforeInTranslationUnit(Last, Loc)))
      Last = Loc;
  });
  return Last;
}

/// True when no use of what \p Coro borrows is reachable from \p Change on
/// \p G, \p Coro's CFG (loops included): the change is the task's last use.
/// With \p LastRound, a loop of \p Coro, the change is made in that loop's
/// last round: its condition, reached again, is false.
bool nothingBorrowedAfter(const CFG &G, const Stmt &Change,
                          const FunctionDecl &Coro,
                          const Stmt *LastRound = nullptr) {
  llvm::SmallVector<std::pair<const CFGBlock *, unsigned>, 16> Work;
  for (const CFGBlock *Block : G)
    for (unsigned I = 0, E = Block->size(); I < E && Work.empty(); ++I)
      if (std::optional<CFGStmt> S = (*Block)[I].getAs<CFGStmt>();
          S && S->getStmt() == &Change)
        Work.push_back({Block, I + 1});
  if (Work.empty())
    return false;
  llvm::DenseSet<const CFGBlock *> Seen;
  while (!Work.empty()) {
    auto [Block, From] = Work.pop_back_val();
    for (unsigned I = From, E = Block->size(); I < E; ++I)
      if (std::optional<CFGStmt> S = (*Block)[I].getAs<CFGStmt>();
          S && isBorrowedUse(*S->getStmt(), Coro))
        return false;
    if (LastRound && Block->getTerminatorStmt() == LastRound) {
      // The loop's exit, its second successor.
      const CFGBlock *Exit = Block->succ_size() == 2
                                 ? Block->succs().begin()[1].getReachableBlock()
                                 : nullptr;
      if (Exit && Seen.insert(Exit).second)
        Work.push_back({Exit, 0});
      continue;
    }
    for (const CFGBlock *Succ : Block->succs())
      if (Succ && Seen.insert(Succ).second)
        Work.push_back({Succ, 0});
  }
  return true;
}

/// The loops of \p Body that enclose \p S (lambda bodies not entered).
llvm::SmallVector<const Stmt *, 2> enclosingLoops(const Stmt &Body,
                                                  const Stmt &S) {
  llvm::SmallVector<const Stmt *, 8> Path;
  llvm::SmallVector<const Stmt *, 2> Loops;
  pathTo(&Body, &S, Path);
  for (const Stmt *Outer : Path)
    if (Outer != &S && isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Outer))
      Loops.push_back(Outer);
  return Loops;
}

/// True when \p Loop may run its body more than once in one life of
/// \p Var: a loop statement that does not hold \p Var's declaration.
bool repeatsWithin(const Stmt &Loop, const VarDecl &Var,
                   const SourceManager &SM) {
  if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(Loop))
    return false;
  SourceLocation Decl = at(Var.getLocation(), SM);
  return !(SM.isBeforeInTranslationUnit(at(Loop.getBeginLoc(), SM), Decl) &&
           SM.isBeforeInTranslationUnit(Decl, at(Loop.getEndLoc(), SM)));
}

/// True when \p Start, in \p Body, is in a loop that may run it more than
/// once in one life of \p Var.
bool repeatedStart(const Stmt &Body, const Stmt &Start, const VarDecl &Var,
                   const SourceManager &SM) {
  bool Found = false, Repeated = false;
  std::function<void(const Stmt &, bool)> Visit = [&](const Stmt &S,
                                                      bool InLoop) {
    if (Found)
      return;
    if (&S == &Start) {
      Found = true;
      Repeated = InLoop;
      return;
    }
    bool Loop = InLoop || repeatsWithin(S, Var, SM);
    for (const Stmt *Child : S.children())
      if (Child)
        Visit(*Child, Loop);
  };
  Visit(Body, false);
  return Repeated;
}

} // namespace

std::optional<unsigned> startsPerLife(const Stmt &Body,
                                      const FunctionDecl &Coro,
                                      const VarDecl &Var,
                                      const ParmVarDecl *Through) {
  const ASTContext &Ctx = Coro.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  bool Known = true;
  unsigned Starts = 0;
  auto Counted = [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    bool ByAddress = false;
    return Call && calls(*Call, Coro) &&
           (!Through || binds(*Call, *Through, &Var, ByAddress));
  };
  std::function<void(const Stmt &, unsigned)> Visit = [&](const Stmt &S,
                                                          unsigned Rounds) {
    if (!Known)
      return;
    if (Counted(S))
      Starts += Rounds;
    if (repeatsWithin(S, Var, SM)) {
      // A counting loop runs its body a known number of times.
      const auto *For = dyn_cast<ForStmt>(&S);
      std::optional<int64_t> Trips = For ? tripCount(*For, Ctx) : std::nullopt;
      if (!Trips || *Trips < 0 || *Trips > 1024) {
        // Any start in it is repeated an unknown number of times.
        bool Repeated = false;
        forEachOwnStmt(
            &S, [&](const Stmt &Sub) { Repeated = Repeated || Counted(Sub); });
        Known = !Repeated;
        return;
      }
      Rounds *= static_cast<unsigned>(*Trips);
    }
    for (const Stmt *Child : S.children())
      if (Child)
        Visit(*Child, Rounds);
  };
  Visit(Body, 1);
  return Known ? std::optional<unsigned>(Starts) : std::nullopt;
}

bool changes(const Stmt &S, const VarDecl *Var, bool Pointee) {
  if (const auto *Unary = dyn_cast<UnaryOperator>(&S))
    return Unary->isIncrementDecrementOp() &&
           denotes(Unary->getSubExpr(), Var, Pointee);
  if (const auto *Binary = dyn_cast<BinaryOperator>(&S))
    return Binary->isAssignmentOp() && denotes(Binary->getLHS(), Var, Pointee);
  const auto *Call = dyn_cast<CallExpr>(&S);
  bool Arrow = false;
  const Expr *Object = Call ? changedObject(*Call, Arrow) : nullptr;
  if (!Object)
    return false;
  // p->push_back(v) changes what p points to; (*p).push_back(v) too.
  if (Pointee)
    return Arrow ? namedDecl(Object) == Var : denotes(Object, Var, true);
  return namedDecl(Object) == Var;
}

llvm::SmallVector<const Stmt *, 2> changesIn(const Stmt *Body,
                                             const VarDecl *Var, bool Pointee) {
  llvm::SmallVector<const Stmt *, 2> Found;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (changes(S, Var, Pointee))
      Found.push_back(&S);
  });
  return Found;
}

bool isBorrowedUse(const Stmt &S, const FunctionDecl &Coro) {
  if (isa<CXXThisExpr>(S))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(&S);
  if (!Ref)
    return false;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (Ref->refersToEnclosingVariableOrCapture() ||
      (Var && Var->isInitCapture()))
    return true;
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(Var);
  QualType T = Param ? Param->getType() : QualType();
  return Param && (T->isReferenceType() || T->isPointerType()) &&
         Param->getDeclContext() == Coro.getDefinition();
}

bool changedWhenDone(const FunctionDecl &Coro, const VarDecl *Var,
                     const Stmt *Start, const CFG *CoroGraph,
                     const SourceManager &SM, const Stmt *OnlyTaskIn) {
  const Stmt *Body = getUserBody(Coro);
  if (!Body || !Var)
    return false;
  SourceLocation LastUse = lastBorrowedUse(*Body, Coro, SM);
  llvm::SmallVector<BoundName, 2> Names = boundParameters(Start, Coro, Var);
  Names.push_back({Var, false});
  return llvm::any_of(Names, [&](const BoundName &Name) {
    // One task changes it: its start is not repeated (a parameter bound to
    // the local is named only there), and for a capture no other start.
    if (OnlyTaskIn && Start &&
        (repeatedStart(*OnlyTaskIn, *Start, *Var, SM) ||
         (Name.Name == Var && startsPerLife(*OnlyTaskIn, Coro, *Var) != 1u)))
      return false;
    return llvm::any_of(
        changesIn(Body, Name.Name, Name.Pointee), [&](const Stmt *Change) {
          // Source order tells the last use only outside loops: a loop
          // may go back to an earlier use.
          bool Last = LastUse.isInvalid() ||
                      !SM.isBeforeInTranslationUnit(at(Change->getEndLoc(), SM),
                                                    LastUse);
          return (Last && enclosingLoops(*Body, *Change).empty()) ||
                 (CoroGraph && nothingBorrowedAfter(*CoroGraph, *Change, Coro));
        });
  });
}

namespace {

/// What \p S counts up by one, when it does: a value (`++n`, `n++`,
/// `n += 1`, built in or an overloaded operator such as an atomic's, a
/// standard atomic's `fetch_add(1)`), or a standard container's size (one
/// element added at an end: push_back, emplace_back, push_front,
/// emplace_front, a queue's push).
std::optional<Measure> countsUpByOne(const Stmt &S, const ASTContext &Ctx) {
  if (const auto *Unary = dyn_cast<UnaryOperator>(&S))
    return Unary->isIncrementOp() ? std::optional(Measure::Value)
                                  : std::nullopt;
  const Expr *Step = nullptr;
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(&S);
      Compound && Compound->getOpcode() == BO_AddAssign)
    Step = Compound->getRHS();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S)) {
    if (Op->getOperator() == OO_PlusPlus)
      return Measure::Value;
    if (Op->getOperator() == OO_PlusEqual && Op->getNumArgs() == 2)
      Step = Op->getArg(1);
  }
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (Method && Method->getParent()->isInStdNamespace() &&
      Method->getIdentifier()) {
    StringRef Name = Method->getName();
    if (Name == "fetch_add" && Call->getNumArgs() > 0)
      Step = Call->getArg(0);
    else if (llvm::is_contained({"push_back", "emplace_back", "push_front",
                                 "emplace_front", "push"},
                                Name))
      return Measure::Size;
  }
  std::optional<int64_t> By = Step ? integerConstant(Step, Ctx) : std::nullopt;
  return By && *By == 1 ? std::optional(Measure::Value) : std::nullopt;
}

/// How many times at most one task of \p Coro makes \p Change (its one
/// change of what it counts): once, or once per round of the one counting
/// loop around it, whose last round is then where it counts last (\p Loop).
std::optional<unsigned> roundsOf(const Stmt &Body, const Stmt &Change,
                                 const ASTContext &Ctx, const Stmt *&Loop) {
  llvm::SmallVector<const Stmt *, 2> Loops = enclosingLoops(Body, Change);
  Loop = nullptr;
  if (Loops.empty())
    return 1;
  const auto *For = dyn_cast<ForStmt>(Loops.front());
  std::optional<int64_t> Trips =
      For && Loops.size() == 1 ? tripCount(*For, Ctx) : std::nullopt;
  if (!Trips || *Trips < 1 || *Trips > 1024)
    return std::nullopt;
  Loop = For;
  return static_cast<unsigned>(*Trips);
}

} // namespace

bool countsEveryTask(const Expr &Cond, bool Holds, const VarDecl &Counter,
                     const FunctionDecl &Coro, const Stmt &Body,
                     const CFG &CoroGraph) {
  const ASTContext &Ctx = Coro.getASTContext();
  const Stmt *CoroBody = getUserBody(Coro);
  if (!CoroBody)
    return false;
  // How the task reaches the counter: as a capture, or through the one
  // parameter its starts bind to it.
  BoundName Name{&Counter, false};
  const ParmVarDecl *Through = nullptr;
  if (changesIn(CoroBody, &Counter).empty()) {
    for (const ParmVarDecl *P : Coro.parameters()) {
      std::optional<unsigned> N = startsPerLife(Body, Coro, Counter, P);
      if (!N || *N == 0)
        continue;
      if (Through)
        return false;
      Through = P;
    }
    if (!Through)
      return false;
    Name = {Through, Through->getType()->isPointerType()};
  }
  llvm::SmallVector<const Stmt *, 2> Changes =
      changesIn(CoroBody, Name.Name, Name.Pointee);
  std::optional<Measure> M =
      Changes.size() == 1 ? countsUpByOne(*Changes.front(), Ctx) : std::nullopt;
  const Stmt *Loop = nullptr;
  std::optional<unsigned> Rounds =
      M ? roundsOf(*CoroBody, *Changes.front(), Ctx, Loop) : std::nullopt;
  std::optional<unsigned> Starts = startsPerLife(Body, Coro, Counter, Through);
  std::optional<int64_t> Initial =
      M ? initialValue(Counter, Ctx, *M) : std::nullopt;
  if (!Rounds || !Starts || !Initial || *Starts * *Rounds == 0 ||
      *Starts * *Rounds > 1024 ||
      !nothingBorrowedAfter(CoroGraph, *Changes.front(), Coro, Loop))
    return false;
  // The check fails until every task has made every count.
  for (unsigned Counted = 0; Counted < *Starts * *Rounds; ++Counted) {
    std::optional<bool> V =
        valueWith(Cond, Ctx, Counter, *Initial + Counted, *M);
    if (!V || *V == Holds)
      return false;
  }
  return true;
}

} // namespace clang::tidy::async::model
