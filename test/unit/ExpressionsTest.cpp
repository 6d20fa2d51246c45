//===--- ExpressionsTest.cpp - async-lint ---------------------------------===//
//
// Unit tests of the shared statement and expression helpers: the parts of a
// statement that runs on a condition (Model/StatementChildren.h), the holder
// of an expression and whether a body may change a variable
// (Model/ExpressionContext.h).
//
//===----------------------------------------------------------------------===//

#include "Model/ExpressionContext.h"
#include "Model/StatementChildren.h"
#include "TestAST.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

/// The first node of class \p T bound by \p Matcher in \p AST.
template <typename T, typename M>
const T *first(ASTUnit &AST, M Matcher) {
  auto Found = match(Matcher.bind("n"), AST.getASTContext());
  return Found.empty() ? nullptr : Found.front().template getNodeAs<T>("n");
}

/// The call of \p Name.
const CallExpr *callOf(ASTUnit &AST, llvm::StringRef Name) {
  return first<CallExpr>(AST, callExpr(callee(functionDecl(hasName(Name)))));
}

const char *Conditions = R"cpp(
bool test();
int next();
void a();
void b();
void step();
void statements() {
  if (int v = next(); bool w = v) a(); else b();
  switch (int s = next(); s) { case 0: a(); }
  for (int i = 0; bool f = i < 3; step()) a();
  while (bool x = test()) a();
  do a(); while (test());
  int c = test() ? next() : 0;
  int g = next() ?: 1;
  for (;;) break;
  a();
}
)cpp";

TEST(ConditionParts, EachStatementThatRunsOnACondition) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Conditions);
  const auto *If = first<IfStmt>(*AST, ifStmt());
  std::optional<model::ConditionParts> P = model::conditionParts(*If);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Init, If->getInit());
  EXPECT_EQ(P->Variable, If->getConditionVariableDeclStmt());
  EXPECT_EQ(P->Cond, If->getCond());
  EXPECT_EQ(P->Then, If->getThen());
  EXPECT_EQ(P->Else, If->getElse());
  EXPECT_TRUE(P->Init && P->Variable && P->Else);
  // What runs before the choice, in order.
  std::array<const Stmt *, 3> Before = P->beforeChoice();
  EXPECT_EQ(Before[0], If->getInit());
  EXPECT_EQ(Before[1], If->getConditionVariableDeclStmt());
  EXPECT_EQ(Before[2], If->getCond());

  const auto *Switch = first<SwitchStmt>(*AST, switchStmt());
  P = model::conditionParts(*Switch);
  ASSERT_TRUE(P);
  EXPECT_TRUE(P->Init && !P->Variable && !P->Else);
  EXPECT_EQ(P->Then, Switch->getBody());

  const auto *For = first<ForStmt>(*AST, forStmt(hasCondition(expr())));
  P = model::conditionParts(*For);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Init, For->getInit());
  EXPECT_EQ(P->Variable, For->getConditionVariableDeclStmt());
  EXPECT_TRUE(P->Variable);
  EXPECT_EQ(P->Then, For->getBody());
  EXPECT_EQ(P->Else, For->getInc()); // The increment.

  const auto *While = first<WhileStmt>(*AST, whileStmt());
  P = model::conditionParts(*While);
  ASSERT_TRUE(P);
  EXPECT_TRUE(!P->Init && P->Variable && !P->Else);
  EXPECT_EQ(P->Then, While->getBody());

  const auto *Do = first<DoStmt>(*AST, doStmt());
  P = model::conditionParts(*Do);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Cond, Do->getCond());
  EXPECT_EQ(P->Then, Do->getBody());

  const auto *Choice = first<ConditionalOperator>(*AST, conditionalOperator());
  P = model::conditionParts(*Choice);
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Cond, Choice->getCond());
  EXPECT_EQ(P->Then, Choice->getTrueExpr());
  EXPECT_EQ(P->Else, Choice->getFalseExpr());
  // The GNU form: the condition is the first operand.
  const auto *Short =
      first<BinaryConditionalOperator>(*AST, binaryConditionalOperator());
  ASSERT_TRUE(Short);
  EXPECT_EQ(model::conditionOf(*Short), Short->getCond());
}

TEST(ConditionParts, NoneAndNoCondition) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Conditions);
  // for (;;): parts, no condition.
  const auto *Endless = first<ForStmt>(*AST, forStmt(unless(hasCondition(expr()))));
  ASSERT_TRUE(Endless);
  EXPECT_TRUE(model::conditionParts(*Endless));
  EXPECT_EQ(model::conditionOf(*Endless), nullptr);
  // A call, a compound statement: no parts.
  EXPECT_FALSE(model::conditionParts(*callOf(*AST, "a")));
  const FunctionDecl *FD = async_lint_test::function(*AST, "statements");
  EXPECT_FALSE(model::conditionParts(*FD->getBody()));
  EXPECT_EQ(model::conditionOf(*FD->getBody()), nullptr);
}

const char *Holders = R"cpp(
namespace std {
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> typename remove_reference<T>::type &&move(T &&t) {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
}
struct Task {
  Task();
  Task(Task &&);
  void join();
};
Task make();
Task moved();
void take(Task);
void holders() {
  (make()).join();
  take(std::move(moved()));
}
)cpp";

TEST(HolderOf, ThroughWrappersToTheHolder) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Holders);
  ASTContext &Ctx = AST->getASTContext();
  // (make()).join(): through the parentheses to the member.
  const CallExpr *Make = callOf(*AST, "make");
  model::Holder H = model::holderOf(*Make, Ctx, 8);
  ASSERT_TRUE(H.Parent);
  EXPECT_TRUE(isa<MemberExpr>(H.Parent));
  EXPECT_TRUE(H.Child && isa<ParenExpr>(H.Child->IgnoreImplicit()));
  // Not that far up.
  EXPECT_FALSE(model::holderOf(*Make, Ctx, 1).Parent);
  // take(std::move(moved())): through std::move to the call of take...
  const CallExpr *Moved = callOf(*AST, "moved");
  const CallExpr *Take = callOf(*AST, "take");
  EXPECT_EQ(model::holderOf(*Moved, Ctx, 8).Parent, Take);
  // ...or, not through calls, std::move holds it.
  const Expr *Mover = model::holderOf(*Moved, Ctx, 8, false).Parent;
  ASSERT_TRUE(Mover && isa<CallExpr>(Mover));
  EXPECT_NE(Mover, Take);
}

const char *Assignments = R"cpp(
struct Counter {
  Counter &operator=(int);
  Counter &operator+=(int);
  Counter &operator++();
};
void use(void *);
void assigned() { int a = 0; a = 1; }
void compound() { int b = 0; b += 2; }
void incremented() { int c = 0; c++; }
void overloaded() { Counter d; d += 1; }
void overloaded_step() { Counter e; ++e; }
void address() { int f = 0; use(&f); }
void in_lambda() { int g = 0; auto l = [&] { g = 1; }; l(); }
void read() { int h = 0; int r = h + 1; use(&r); }
)cpp";

bool assignedIn(ASTUnit &AST, llvm::StringRef Function, llvm::StringRef Var) {
  const FunctionDecl *FD = async_lint_test::function(AST, Function);
  const auto *VD = first<VarDecl>(AST, varDecl(hasName(Var)));
  EXPECT_TRUE(FD && VD);
  return FD && VD && model::isAssignedIn(FD->getBody(), *VD);
}

TEST(IsAssignedIn, EveryWayToChangeAVariable) {
  std::unique_ptr<ASTUnit> AST = async_lint_test::parse(Assignments);
  EXPECT_TRUE(assignedIn(*AST, "assigned", "a"));
  EXPECT_TRUE(assignedIn(*AST, "compound", "b"));
  EXPECT_TRUE(assignedIn(*AST, "incremented", "c"));
  EXPECT_TRUE(assignedIn(*AST, "overloaded", "d"));
  EXPECT_TRUE(assignedIn(*AST, "overloaded_step", "e"));
  EXPECT_TRUE(assignedIn(*AST, "address", "f"));
  EXPECT_TRUE(assignedIn(*AST, "in_lambda", "g"));
  // Read, and initialised: not assigned.
  EXPECT_FALSE(assignedIn(*AST, "read", "h"));
  EXPECT_FALSE(model::isAssignedIn(nullptr,
                                   *first<VarDecl>(*AST, varDecl(hasName("h")))));
}

} // namespace
