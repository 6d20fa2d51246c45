//===--- PathFactsTransfer.h - async-lint -----------------------*- C++ -*-===//
//
// PathFacts' transfer functions: how a statement, a branch condition or a
// switch case changes what is known of the function's results and handles
// (readiness, emptiness, the winner of an any-ready combinator). A part of
// PathFacts.cpp, kept apart for its size: included by it only.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_PATHFACTSTRANSFER_H
#define ASYNC_LINT_MODEL_PATHFACTSTRANSFER_H

#include "Awaitables.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "PathFacts.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include <deque>
#include <optional>

namespace clang::tidy::async::model {

// Helpers of the transfer and of PathFacts.cpp. Named (not anonymous): this
// is a header, if one only PathFacts.cpp includes.
namespace pathfacts {

inline const VarDecl *varOf(const Expr *E) { return referencedVariable(E); }

/// The object and callee of a member call (or of an operator call on a
/// class object).
inline std::pair<const Expr *, const FunctionDecl *> memberCall(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(E))
    E = Cleanups->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E))
    return {Member->getImplicitObjectArgument(), Member->getMethodDecl()};
  return {nullptr, nullptr};
}

/// The constant an expression denotes: an enumerator or an integer.
struct Constant {
  const EnumConstantDecl *Enumerator = nullptr;
  std::optional<int64_t> Value;
};

/// The target and the value of an assignment, when \p S is one.
inline std::pair<const Expr *, const Expr *> assignment(const Stmt &S) {
  if (const auto *BO = dyn_cast<BinaryOperator>(&S);
      BO && BO->getOpcode() == BO_Assign)
    return {BO->getLHS(), BO->getRHS()};
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return {Op->getArg(0), Op->getArg(1)};
  return {nullptr, nullptr};
}

/// True when \p Init makes an object that holds no value: no initialiser, a
/// default constructor, or empty braces (`task<> t;`, `task<> t{};`).
inline bool makesEmptyObject(const Expr *Init) {
  if (!Init)
    return true;
  Init = Init->IgnoreImplicit();
  if (const auto *List = dyn_cast<InitListExpr>(Init))
    return List->getNumInits() == 0;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
    return Construct->getNumArgs() == 0 ||
           (Construct->getNumArgs() == 1 &&
            isa<CXXDefaultArgExpr>(Construct->getArg(0)));
  return isa<CXXScalarValueInitExpr>(Init);
}

/// Where a lifetime ends, for notes: the closing brace of its scope.
inline SourceLocation scopeEnd(const CFGLifetimeEnds &End) {
  const Stmt *Trigger = End.getTriggerStmt();
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(Trigger))
    return Compound->getRBracLoc();
  return Trigger ? Trigger->getBeginLoc() : SourceLocation();
}

inline std::optional<Constant> constantOf(const Expr *E,
                                          const ASTContext &Ctx) {
  E = strip(E, Wrappers::Object);
  if (!E || E->isValueDependent())
    return std::nullopt;
  Constant C;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    C.Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl());
  if (std::optional<llvm::APSInt> V = E->getIntegerConstantExpr(Ctx))
    C.Value = V->getExtValue();
  if (!C.Enumerator && !C.Value)
    return std::nullopt;
  return C;
}

} // namespace pathfacts

using pathfacts::assignment;
using pathfacts::Constant;
using pathfacts::constantOf;
using pathfacts::makesEmptyObject;
using pathfacts::memberCall;
using pathfacts::scopeEnd;
using pathfacts::varOf;

/// Applies statements and branch conditions to a State.
class PathFacts::Transfer {
public:
  Transfer(const PathFacts &Facts, ASTContext &Ctx) : Facts(Facts), Ctx(Ctx) {}

  /// What is known of the value of \p E in \p S.
  unsigned factsOf(const Expr *E, const State &S) const {
    E = strip(E, Wrappers::Object);
    if (!E)
      return 0;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      return VD ? S.Bits.lookup(VD) : 0;
    }
    if (const auto *Await = dyn_cast<CoawaitExpr>(E))
      return factsOfAwait(*Await);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return factsOfCall(*Call, S);
    if (const auto *Member = dyn_cast<MemberExpr>(E)) {
      if (factsOf(Member->getBase(), S) & AllReady)
        return Ready | AllReady;
      return 0;
    }
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E)) {
      if (isWinnerIndex(Subscript->getBase(), Subscript->getIdx(), S))
        return Ready;
      if (factsOf(Subscript->getBase(), S) & AllReady)
        return Ready | AllReady;
    }
    return 0;
  }

  /// What a co_await of an all-ready or any-ready combinator, or of an
  /// operation that yields its ready result, gives.
  unsigned factsOfAwait(const CoawaitExpr &Await) const {
    const ReadinessKnowledge &K = Facts.K;
    const Expr *Operand = strip(Await.getOperand(), Wrappers::Object);
    if (const auto *Call = dyn_cast_or_null<CallExpr>(Operand)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (Facts.listed(Callee, K.AllReadyCombinators))
        return AllReady;
      if (Facts.listed(Callee, K.AnyReadyCombinators))
        return AnyReady;
      // co_await r.resolve() yields the ready result itself.
      if (Facts.listed(Callee, K.ReadyOnAwait))
        return Ready;
    }
    return 0;
  }

  /// An element of an all-ready aggregate, or the winner of an any-ready
  /// one, taken by \p Call in \p S.
  unsigned factsOfCall(const CallExpr &Call, const State &S) const {
    const FunctionDecl *Callee = Call.getDirectCallee();
    const Expr *From = nullptr;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      if (isWinnerIndex(Op->getArg(0), Op->getArg(1), S))
        return Ready;
      From = Op->getArg(0);
    } else if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
               Member && Callee && Callee->getIdentifier() &&
               llvm::is_contained({"at", "front", "back", "get", "value"},
                                  Callee->getName())) {
      From = Member->getImplicitObjectArgument();
    } else if (Callee && Callee->isInStdNamespace() &&
               Callee->getIdentifier() && Callee->getName() == "get" &&
               Call.getNumArgs() == 1) {
      if (isTestedWinner(&Call, S))
        return Ready;
      From = Call.getArg(0);
    }
    if (From && (factsOf(From, S) & AllReady))
      return Ready | AllReady;
    return 0;
  }

  /// Applies one element of the CFG; records the handles' losses in
  /// \p Losses when given.
  void element(const CFGElement &Element, State &S,
               std::vector<UnusedValueLoss> *Losses) const {
    if (auto End = Element.getAs<CFGLifetimeEnds>()) {
      const VarDecl *VD = End->getVarDecl();
      if (!Facts.Handles.contains(VD))
        return;
      if (Losses && !(S.Bits.lookup(VD) & Settled))
        Losses->push_back(
            {VD, scopeEnd(*End), false,
             isa_and_nonnull<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt,
                             GotoStmt>(End->getTriggerStmt())});
      S.Bits[VD] |= Settled;
      return;
    }
    if (auto StmtElement = Element.getAs<CFGStmt>())
      stmt(StmtElement->getStmt(), S, Losses);
  }

  /// Applies one statement of the body.
  void stmt(const Stmt *St, State &S,
            std::vector<UnusedValueLoss> *Losses = nullptr) const {
    const ReadinessKnowledge &K = Facts.K;
    abandonPast(St, /*Branch=*/false, S); // QTest::qFail, gtest's AssertHelper
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D))
          define(VD, initOf(VD), S);
      return;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(St)) {
      // Any other mention of a handle uses its value.
      const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
      if (VD && Facts.Handles.contains(VD) &&
          !Facts.AssignTargets.contains(Ref) && !Facts.Sources.contains(Ref) &&
          !Facts.Observers.contains(Ref))
        S.Bits[VD] |= Settled;
      return;
    }
    if (auto [Target, Value] = assignment(*St); Value) {
      if (const VarDecl *VD = varOf(Target)) {
        // t = std::move(t) changes nothing.
        if (varOf(Value) == VD)
          return;
        if (Losses && Facts.Handles.contains(VD) &&
            !(S.Bits.lookup(VD) & Settled))
          Losses->push_back({VD, St->getBeginLoc(), true});
        define(VD, Value, S);
      } else {
        settleSource(Value, S);
      }
      return;
    }
    if (const auto *Await = dyn_cast<CoawaitExpr>(St)) {
      auto [Object, Callee] = memberCall(Await->getOperand());
      if (Facts.listed(Callee, K.ReadyOnAwait))
        makeReady(Object, S);
      awaited(*Await, S);
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(St)) {
      auto [Object, Callee] = memberCall(Call);
      if (Facts.listed(Callee, K.ReadyAfterCall)) {
        makeReady(Object, S);
        return;
      }
      if (Facts.listed(Call->getDirectCallee(), K.Assertions))
        assertion(*Call, S);
    }
  }

  /// Past a test's failure record (TestFailureReports) nothing is lost.
  void abandonPast(const Stmt *E, bool Branch, State &S) const {
    const auto *Call = dyn_cast<CallExpr>(E);
    if (Call && Call->getType()->isBooleanType() == Branch &&
        Facts.listed(Call->getDirectCallee(), Facts.K.TestFailureReports))
      for (const VarDecl *VD : Facts.Handles)
        S.Bits[VD] |= Settled;
  }

  /// Applies what is known when control goes from a block whose terminator
  /// tests \p Cond to its successor: the true branch when \p Taken.
  void condition(const Expr *Cond, bool Taken, State &S) const {
    // The end of a loop that drained an any-ready combinator object.
    if (const CXXConstructExpr *Any = Facts.Drains.lookup(Cond); Any && !Taken)
      for (const Expr *Arg : Any->arguments())
        makeReady(Arg, S);
    Cond = strip(Cond, Wrappers::Condition);
    if (!Cond)
      return;
    if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot)
      return condition(Not->getSubExpr(), !Taken, S);
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if ((BO->getOpcode() == BO_LAnd && Taken) ||
          (BO->getOpcode() == BO_LOr && !Taken)) {
        condition(BO->getLHS(), Taken, S);
        condition(BO->getRHS(), Taken, S);
        return;
      }
    }
    // `if (!t)`: where a handle converts to false, it is empty.
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Cond);
        Member && isa_and_nonnull<CXXConversionDecl>(Member->getMethodDecl()) &&
        Member->getType()->isBooleanType()) {
      const VarDecl *VD = varOf(Member->getImplicitObjectArgument());
      if (!Taken && VD && Facts.Handles.contains(VD))
        S.Bits[VD] |= Settled;
      return;
    }
    if (!Taken) // `if (!QTest::qVerify(...))`: a bool record returned false
      abandonPast(Cond, /*Branch=*/true, S);
    if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(Cond))
      return condition(Rewritten->getSemanticForm(), Taken, S);
    if (std::optional<Equality> Test = equalityParts(Cond))
      comparison(Test->LHS, Test->RHS, Test->Equal == Taken, S);
  }

  /// Applies a switch on \p Cond reaching the case label \p Value.
  void switchCase(const Expr *Cond, const Expr *Value, State &S) const {
    std::optional<Constant> C = constantOf(Value, Ctx);
    if (!C)
      return;
    knownWinner(Cond, *C, S);
    // switch (co_await any) { case N: }, or on a variable holding that
    // value: argument N of the combinator.
    if (const auto *Await =
            dyn_cast_or_null<CoawaitExpr>(strip(Cond, Wrappers::Object)))
      readyArgument(Await->getOperand(), *C, S);
    else if (const Expr *Awaited = S.Awaited.lookup(varOf(Cond)))
      readyArgument(Awaited, *C, S);
  }

  /// The construction of the combinator object \p E denotes (a local built
  /// over the caller's tasks, or a temporary) when its class is on \p List.
  const CXXConstructExpr *combinatorOver(const Expr *E,
                                         const NameMatcher &List) const {
    E = strip(E, Wrappers::Object);
    if (const VarDecl *VD = varOf(E))
      E = strip(VD->getInit(), Wrappers::Object);
    const auto *Built = dyn_cast_or_null<CXXConstructExpr>(E);
    const CXXRecordDecl *RD =
        Built ? Built->getType()->getAsCXXRecordDecl() : nullptr;
    return RD && List.matches(canonicalName(*RD)) ? Built : nullptr;
  }

private:
  static const Expr *initOf(const VarDecl *VD) { return VD->getInit(); }

  /// Whether a handle given \p Value holds nothing to use: an empty object,
  /// or the value of a handle that held nothing. The handle whose value is
  /// moved or copied counts as used.
  bool holdsNothing(const Expr *Value, State &S) const {
    if (makesEmptyObject(Value))
      return true;
    return settleSource(Value, S);
  }

  /// Marks the handle \p Value is as used; returns whether it was already.
  bool settleSource(const Expr *Value, State &S) const {
    const auto *Ref =
        dyn_cast_or_null<DeclRefExpr>(strip(Value, Wrappers::Object));
    if (!Ref || !Facts.Sources.contains(Ref))
      return false;
    const auto *From = cast<VarDecl>(Ref->getDecl());
    bool Was = S.Bits.lookup(From) & Settled;
    S.Bits[From] |= Settled;
    return Was;
  }

  void define(const VarDecl *VD, const Expr *Init, State &S) const {
    unsigned Bits = 0;
    if (auto It = Facts.RangeOf.find(VD); It != Facts.RangeOf.end()) {
      if (factsOf(It->second, S) & AllReady)
        Bits = Ready | AllReady;
    } else if (Init) {
      Bits = factsOf(Init, S) & ~Settled;
    }
    // A ready result has run: it holds nothing still to run.
    if (Facts.Handles.contains(VD) ? holdsNothing(Init, S) || (Bits & Ready)
                                   : (settleSource(Init, S), false))
      Bits |= Settled;
    S.Index.erase(VD);
    if (const auto *Await =
            dyn_cast_or_null<CoawaitExpr>(strip(Init, Wrappers::Object)))
      S.Awaited[VD] = Await->getOperand();
    else
      S.Awaited.erase(VD);
    if (Bits)
      S.Bits[VD] = Bits;
    else
      S.Bits.erase(VD);
  }

  void makeReady(const Expr *Object, State &S) const {
    if (const VarDecl *VD = varOf(Object))
      S.Bits[VD] |= Ready;
  }

  /// A call of an assertion: its condition holds after it.
  void assertion(const CallExpr &Call, State &S) const {
    if (Call.getNumArgs() == 1) {
      condition(Call.getArg(0), true, S);
      return;
    }
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (Call.getNumArgs() < 2 || !Callee->getIdentifier())
      return;
    llvm::StringRef Name = Callee->getName();
    if (!Name.contains_insensitive("eq") || Name.contains_insensitive("not") ||
        Name.contains_insensitive("ne"))
      return;
    comparison(Call.getArg(0), Call.getArg(1), true, S);
  }

  /// Applies `LHS == RHS` (when \p Equal) or `LHS != RHS`, known to hold.
  void comparison(const Expr *LHS, const Expr *RHS, bool Equal,
                  State &S) const {
    std::optional<Constant> C = constantOf(RHS, Ctx);
    const Expr *Query = LHS;
    if (!C) {
      C = constantOf(LHS, Ctx);
      Query = RHS;
    }
    if (!C)
      return;
    auto [Object, Callee] = memberCall(Query);
    if (Facts.listed(Callee, Facts.K.StatusQueries)) {
      bool Pending = C->Enumerator && Facts.K.PendingStates.matches(
                                          canonicalName(*C->Enumerator));
      if (!C->Enumerator)
        return;
      // == a state that is not pending, or != a pending one.
      if (Equal != Pending)
        makeReady(Object, S);
      return;
    }
    if (!Equal)
      return;
    knownWinner(Query, *C, S);
    // i == N, where i holds the value of co_await any.
    if (const Expr *Awaited = S.Awaited.lookup(varOf(Query)))
      readyArgument(Awaited, *C, S);
  }

  /// co_await t returns only once the task t has completed; an awaited
  /// all-ready combinator object has every task it was built over complete.
  void awaited(const CoawaitExpr &Await, State &S) const {
    const Expr *Operand = strip(Await.getOperand(), Wrappers::Object);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Operand))
      if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
          VD && isTaskType(VD->getType().getNonReferenceType()))
        S.Bits[VD] |= Ready;
    if (const CXXConstructExpr *All =
            combinatorOver(Operand, Facts.K.AllReadyCombinators))
      for (const Expr *Arg : All->arguments())
        makeReady(Arg, S);
  }

  /// The awaited any-ready combinator object \p Awaited yielded \p C: the
  /// task it was built over at that position is complete.
  void readyArgument(const Expr *Awaited, const Constant &C, State &S) const {
    const CXXConstructExpr *Any =
        combinatorOver(Awaited, Facts.K.AnyReadyCombinators);
    if (Any && C.Value && *C.Value >= 0 && *C.Value < Any->getNumArgs())
      makeReady(Any->getArg(unsigned(*C.Value)), S);
  }

  /// `any.index` is known to be \p C.
  void knownWinner(const Expr *IndexExpr, const Constant &C, State &S) const {
    const auto *Member =
        dyn_cast_or_null<MemberExpr>(strip(IndexExpr, Wrappers::Object));
    if (!Member || !C.Value)
      return;
    const VarDecl *VD = varOf(Member->getBase());
    if (VD && (S.Bits.lookup(VD) & AnyReady))
      S.Index[VD] = *C.Value;
  }

  /// `Base[Index]` where Base is a member of an any-ready result and Index
  /// its own winner's index: any.results[any.index].
  bool isWinnerIndex(const Expr *Base, const Expr *Index,
                     const State &S) const {
    const auto *Container =
        dyn_cast_or_null<MemberExpr>(strip(Base, Wrappers::Object));
    const auto *Idx =
        dyn_cast_or_null<MemberExpr>(strip(Index, Wrappers::Object));
    if (!Container || !Idx)
      return false;
    const VarDecl *VD = varOf(Container->getBase());
    return VD && VD == varOf(Idx->getBase()) && (S.Bits.lookup(VD) & AnyReady);
  }

  /// std::get<N>(any.results) where any.index is known to be N.
  bool isTestedWinner(const CallExpr *Get, const State &S) const {
    const auto *Container =
        dyn_cast_or_null<MemberExpr>(strip(Get->getArg(0), Wrappers::Object));
    const FunctionDecl *Callee = Get->getDirectCallee();
    const TemplateArgumentList *Args =
        Callee ? Callee->getTemplateSpecializationArgs() : nullptr;
    if (!Container || !Args || Args->size() == 0 ||
        Args->get(0).getKind() != TemplateArgument::Integral)
      return false;
    const VarDecl *VD = varOf(Container->getBase());
    auto It = VD ? S.Index.find(VD) : S.Index.end();
    return It != S.Index.end() &&
           It->second == Args->get(0).getAsIntegral().getExtValue();
  }

  const PathFacts &Facts;
  ASTContext &Ctx;
};

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_PATHFACTSTRANSFER_H
