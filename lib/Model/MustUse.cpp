//===--- MustUse.cpp - async-lint -----------------------------------------===//

#include "MustUse.h"
#include "ConstantConditions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::tidy::async::model {

namespace {

/// The variable \p E names, through implicit casts and parentheses.
const VarDecl *variableOf(const Expr *E) {
  const auto *Ref =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

enum class Outcome {
  /// The statement runs to its end without a use.
  FallsThrough,
  /// Every path through it uses the variable.
  Uses,
  /// It may leave the sequence (return, break, goto, ...): nothing shown.
  MayJump,
};

class Walker {
public:
  Walker(const VarDecl &Var, const ASTContext &Ctx,
         const NameMatcher &AlwaysTrue,
         llvm::function_ref<bool(const DeclRefExpr &)> IsUse)
      : Var(Var), Ctx(Ctx), AlwaysTrue(AlwaysTrue), IsUse(IsUse) {}

  /// The statements of \p Block from the one after \p After (or the first).
  Outcome sequence(const CompoundStmt &Block, const Stmt *After) {
    bool Started = After == nullptr;
    for (const Stmt *S : Block.body()) {
      if (!Started) {
        Started = S == After;
        continue;
      }
      Outcome O = statement(S);
      if (O != Outcome::FallsThrough)
        return O;
    }
    return Outcome::FallsThrough;
  }

  /// Finds the block that declares Var and walks what follows it.
  bool fromDeclaration(const Stmt &S) {
    for (const Stmt *Child : S.children()) {
      if (!Child || isa<LambdaExpr>(Child))
        continue;
      if (const auto *Block = dyn_cast<CompoundStmt>(Child))
        for (const Stmt *Item : Block->body())
          if (const auto *Decls = dyn_cast<DeclStmt>(Item))
            for (const Decl *D : Decls->decls())
              if (D == &Var)
                return sequence(*Block, Item) == Outcome::Uses;
      if (fromDeclaration(*Child))
        return true;
    }
    return false;
  }

private:
  Outcome statement(const Stmt *S) {
    if (!S)
      return Outcome::FallsThrough;
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      return sequence(*Block, nullptr);
    if (const auto *Try = dyn_cast<CXXTryStmt>(S))
      return statement(Try->getTryBlock());
    if (const auto *For = dyn_cast<ForStmt>(S)) {
      if (mayJump(For->getInit()) || !runsBodyOnce(*For, Ctx))
        return mayJump(S) ? Outcome::MayJump : Outcome::FallsThrough;
      if (usesAlways(For->getInit()))
        return Outcome::Uses;
      Outcome O = statement(For->getBody());
      if (O == Outcome::Uses)
        return O;
      return mayJump(S) ? Outcome::MayJump : Outcome::FallsThrough;
    }
    if (const auto *Do = dyn_cast<DoStmt>(S)) {
      Outcome O = statement(Do->getBody());
      if (O == Outcome::Uses)
        return O;
      return mayJump(S) ? Outcome::MayJump : Outcome::FallsThrough;
    }
    if (const Stmt *Taken = alwaysTaken(*S))
      return statement(Taken);
    if (mayJump(S))
      return Outcome::MayJump;
    if (isa<Expr, DeclStmt>(S) && usesAlways(S))
      return Outcome::Uses;
    return Outcome::FallsThrough;
  }

  static bool mayJump(const Stmt *S) { return mayLeave(S); }

  /// The branch that \p S always runs: the then-branch of an `if` on an
  /// always-true object (alwaysTrueCondition), or the statement a `switch`
  /// enters when its body is a chain of labels that includes `default:`.
  /// Null otherwise.
  const Stmt *alwaysTaken(const Stmt &S) const {
    if (const auto *If = dyn_cast<IfStmt>(&S))
      return !If->getInit() && alwaysTrueCondition(If->getCond(), AlwaysTrue)
                 ? If->getThen()
                 : nullptr;
    // Every value of the condition enters a chain of labels that includes
    // `default:` (`switch (0) case 0: default: S`): S always runs.
    const auto *Switch = dyn_cast<SwitchStmt>(&S);
    if (!Switch)
      return nullptr;
    bool Default = false;
    const Stmt *Entered = Switch->getBody();
    while (const auto *Label = dyn_cast_or_null<SwitchCase>(Entered)) {
      Default |= isa<DefaultStmt>(Label);
      Entered = Label->getSubStmt();
    }
    return Default ? Entered : nullptr;
  }

  /// True when evaluating \p S always evaluates a use of Var: not one that
  /// only a branch of ?:, && or || reaches, nor one in a lambda body or in
  /// a nested statement.
  bool usesAlways(const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      return Ref->getDecl() == &Var && IsUse(*Ref);
    // Assigning to the variable gives it a value; it does not use one.
    if (const auto *Assign = dyn_cast<BinaryOperator>(S);
        Assign && Assign->isAssignmentOp() &&
        variableOf(Assign->getLHS()) == &Var)
      return usesAlways(Assign->getRHS());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
        Op && Op->isAssignmentOp() && Op->getNumArgs() == 2 &&
        variableOf(Op->getArg(0)) == &Var)
      return usesAlways(Op->getArg(1));
    // Calling a const member only observes the variable (t.done()).
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      if (Method && Method->isConst() &&
          variableOf(Call->getImplicitObjectArgument()) == &Var) {
        for (const Expr *Arg : Call->arguments())
          if (usesAlways(Arg))
            return true;
        return false;
      }
    }
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(S))
      return usesAlways(Cond->getCond());
    if (const auto *Bin = dyn_cast<BinaryOperator>(S);
        Bin && Bin->isLogicalOp())
      return usesAlways(Bin->getLHS());
    if (const auto *Decls = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : Decls->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (usesAlways(V->getInit()))
            return true;
      return false;
    }
    if (!isa<Expr>(S))
      return false;
    for (const Stmt *Child : S->children())
      if (usesAlways(Child))
        return true;
    return false;
  }

  const VarDecl &Var;
  const ASTContext &Ctx;
  const NameMatcher &AlwaysTrue;
  llvm::function_ref<bool(const DeclRefExpr &)> IsUse;
};

} // namespace

bool mayLeave(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt, CoreturnStmt, BreakStmt, ContinueStmt, GotoStmt,
          IndirectGotoStmt, CXXThrowExpr>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false;
  // A co_await or co_yield leaves only through its operand: the awaiter,
  // await_ready, await_suspend and await_resume Clang builds on it hold no
  // jump, and walking them costs more than the operand.
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return mayLeave(Suspend->getOperand());
  for (const Stmt *Child : S->children())
    if (mayLeave(Child))
      return true;
  return false;
}

bool runsBodyOnce(const ForStmt &For, const ASTContext &Ctx) {
  const Expr *Cond = For.getCond();
  if (!Cond)
    return true;
  if (Cond->isValueDependent())
    return false;
  bool Constant = false;
  if (Cond->EvaluateAsBooleanCondition(Constant, Ctx))
    return Constant;
  // for (int i = C; i OP K; ...): the first test compares the constants.
  const auto *Decls = dyn_cast_or_null<DeclStmt>(For.getInit());
  const auto *Counter = Decls && Decls->isSingleDecl()
                            ? dyn_cast<VarDecl>(Decls->getSingleDecl())
                            : nullptr;
  const auto *Test = dyn_cast<BinaryOperator>(Cond->IgnoreParenImpCasts());
  if (!Counter || !Counter->getInit() || !Test || !Test->isComparisonOp() ||
      !Counter->getType()->isIntegerType())
    return false;
  Expr::EvalResult Start, Limit;
  if (!Counter->getInit()->EvaluateAsInt(Start, Ctx))
    return false;
  const Expr *Other = nullptr;
  bool CounterLeft = variableOf(Test->getLHS()) == Counter;
  if (CounterLeft)
    Other = Test->getRHS();
  else if (variableOf(Test->getRHS()) == Counter)
    Other = Test->getLHS();
  if (!Other || !Other->EvaluateAsInt(Limit, Ctx))
    return false;
  llvm::APSInt L = Start.Val.getInt(), R = Limit.Val.getInt();
  if (!CounterLeft)
    std::swap(L, R);
  // Compare as wide signed values: both are small constants in practice.
  int64_t A = L.getExtValue(), B = R.getExtValue();
  switch (Test->getOpcode()) {
  case BO_LT:
    return A < B;
  case BO_LE:
    return A <= B;
  case BO_GT:
    return A > B;
  case BO_GE:
    return A >= B;
  case BO_NE:
    return A != B;
  case BO_EQ:
    return A == B;
  default:
    return false;
  }
}

bool usedOnEveryPath(const VarDecl &Var, const Stmt &Body,
                     const ASTContext &Ctx, const NameMatcher &AlwaysTrue,
                     llvm::function_ref<bool(const DeclRefExpr &)> IsUse) {
  if (const auto *Block = dyn_cast<CompoundStmt>(&Body))
    for (const Stmt *Item : Block->body())
      if (const auto *Decls = dyn_cast<DeclStmt>(Item))
        for (const Decl *D : Decls->decls())
          if (D == &Var)
            return Walker(Var, Ctx, AlwaysTrue, IsUse).sequence(*Block, Item) ==
                   Outcome::Uses;
  return Walker(Var, Ctx, AlwaysTrue, IsUse).fromDeclaration(Body);
}

} // namespace clang::tidy::async::model
