//===--- ThrowAssertions.cpp - async-lint ---------------------------------===//

#include "ThrowAssertions.h"
#include "CallInfo.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

namespace {

/// True when \p Call passes the constant true first, through the
/// conversions to the report's parameter (Boost.Test's assertion_result):
/// the report of a pass.
bool reportsPass(const Stmt &Call, const ASTContext &Ctx) {
  const Expr *Arg = argumentFor(Call, 0);
  for (unsigned Depth = 0; Arg && Depth < 4; ++Depth) {
    Arg = strip(Arg, Wrappers::Implicit);
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Arg);
    if (!Construct || Construct->getNumArgs() == 0)
      break;
    Arg = Construct->getArg(0);
  }
  bool Value = false;
  return Arg && !Arg->isValueDependent() && Arg->getType()->isBooleanType() &&
         Arg->EvaluateAsBooleanCondition(Value, Ctx) && Value;
}

/// Finds the throw assertions of a body.
class ThrowAssertionFinder {
public:
  ThrowAssertionFinder(const NameMatcher &Reports, const ASTContext &Ctx)
      : Reports(Reports), Ctx(Ctx) {}

  void findIn(const Stmt &Body) {
    // Each statement with the one after it in its block (null outside one).
    llvm::SmallVector<std::pair<const Stmt *, const Stmt *>, 32> Work{
        {&Body, nullptr}};
    while (!Work.empty()) {
      auto [S, After] = Work.pop_back_val();
      if (const auto *Try = dyn_cast<CXXTryStmt>(S))
        checkedIn(Try->getTryBlock(), After);
      if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
        for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
          if (*It)
            Work.push_back({*It, std::next(It) != Block->body_end()
                                     ? *std::next(It)
                                     : nullptr});
        continue;
      }
      for (const Stmt *Child : S->children())
        if (Child && !isa<LambdaExpr>(Child))
          Work.push_back({Child, nullptr});
    }
  }

  llvm::SmallPtrSet<const Stmt *, 4> Found;

private:
  /// Marks the statements within \p S (a part of a try block) whose normal
  /// completion runs into a failure report; \p After runs after \p S.
  void checkedIn(const Stmt *S, const Stmt *After) {
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S)) {
      for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
        checkedIn(*It,
                  std::next(It) != Block->body_end() ? *std::next(It) : After);
      return;
    }
    if (const auto *If = dyn_cast_or_null<IfStmt>(S)) {
      checkedIn(If->getThen(), After);
      checkedIn(If->getElse(), After);
      return;
    }
    if (isa_and_nonnull<Expr>(S) && reportsFailure(After, 0))
      Found.insert(S);
  }

  /// True when \p S calls a failure report, also at the label of a goto.
  bool reportsFailure(const Stmt *S, unsigned Gotos) const {
    if (!S || isa<LambdaExpr>(S))
      return false;
    if (const auto *Goto = dyn_cast<GotoStmt>(S))
      return Gotos < 2 && Goto->getLabel() &&
             reportsFailure(Goto->getLabel()->getStmt(), Gotos + 1);
    if (isa<CallExpr, CXXConstructExpr>(S))
      if (std::optional<CallInfo> Info = describeCall(*S);
          Info && anyNameMatches(Reports, *Info) && !reportsPass(*S, Ctx))
        return true;
    return llvm::any_of(S->children(), [&](const Stmt *Child) {
      return reportsFailure(Child, Gotos);
    });
  }

  const NameMatcher &Reports;
  const ASTContext &Ctx;
};

} // namespace

llvm::SmallPtrSet<const Stmt *, 4>
throwAssertedStatements(const Stmt &Body, const NameMatcher &Reports,
                        const ASTContext &Ctx) {
  ThrowAssertionFinder Finder(Reports, Ctx);
  if (!Reports.empty())
    Finder.findIn(Body);
  return std::move(Finder.Found);
}

} // namespace clang::tidy::async::model
