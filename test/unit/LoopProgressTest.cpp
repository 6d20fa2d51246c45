//===--- LoopProgressTest.cpp - async-lint --------------------------------===//
//
// Unit tests of what bounds a loop (Model/LoopProgress.h).
//
//===----------------------------------------------------------------------===//

#include "Model/LoopProgress.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
#include <array>
#include <atomic>
#include <vector>
std::atomic<bool> flag;
struct queue {
  bool empty() const;
  void pop();
  int *try_pop();
};
struct node { node *next; };
void poll();
void use(int);
int limit;

void spin() { while (!flag.load()) {} }
void spin_members(int &pending) { while (pending > limit) {} }
void spin_break() { for (;;) { if (flag.load()) break; } }
void spin_fresh() {
  for (;;) {
    bool seen = flag.load();
    if (seen)
      return;
  }
}
void endless(int &n) { while (true) ++n; }
void endless_switch(int s) { for (;;) { switch (s) { default: break; } } }
void drains(queue &q) { while (!q.empty()) q.pop(); }
void drains_cond_var(queue &q) { while (int *m = q.try_pop()) use(*m); }
void drains_break(queue &q) {
  for (;;) {
    int *x = q.try_pop();
    if (!x)
      break;
  }
}
void walks(node *n) { while (n) n = n->next; }
void counts_in_static() {
  for (;;) {
    static int n = 0;
    if (++n > 100)
      break;
  }
}
void drains_through_reference(queue &q) {
  while (!q.empty()) {
    queue &alias = q;
    alias.pop();
  }
}
void counts(int n) { for (int i = 0; i < n; ++i) use(i); }
void ranges(std::vector<int> &v) { for (int x : v) use(x); }
void counts_to_constant() { for (int i = 0; i < 16; ++i) use(i); }
void fixed_range(std::array<int, 4> &a) { for (int x : a) use(x); }
void c_array() { int a[3] = {}; for (int x : a) use(x); }
void once() { do { use(1); } while (false); }
void leaves() { for (;;) { use(1); break; } }
void opaque(bool &done) { while (!done) poll(); }
void on_exception() {
  for (;;) {
    try { use(1); } catch (...) { return; }
  }
}
)cpp";

class LoopProgressTest : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        Code, {"-std=c++20", "-nostdinc", "-isystem", ASYNC_LINT_TEST_INPUTS},
        "input.cpp");
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }
  /// What bounds the first loop of the function \p Name.
  model::LoopProgress of(llvm::StringRef Name) {
    auto Found = match(
        functionDecl(hasName(Name), isDefinition(),
                     forEachDescendant(stmt(anyOf(forStmt(), whileStmt(),
                                                  doStmt(), cxxForRangeStmt()))
                                           .bind("loop"))),
        AST->getASTContext());
    EXPECT_FALSE(Found.empty()) << Name.str();
    if (Found.empty())
      return {};
    return model::loopProgress(*Found.front().getNodeAs<Stmt>("loop"),
                               AST->getASTContext());
  }
  model::LoopBound bound(llvm::StringRef Name) { return of(Name).Bound; }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(LoopProgressTest, TellsSpinsWhatTheyWaitOn) {
  for (const char *Name :
       {"spin", "spin_members", "spin_break", "spin_fresh"}) {
    model::LoopProgress P = of(Name);
    EXPECT_EQ(P.Bound, model::LoopBound::Spin) << Name;
    EXPECT_NE(P.WaitsOn, nullptr) << Name;
  }
}

TEST_F(LoopProgressTest, TellsEndlessLoops) {
  EXPECT_EQ(bound("endless"), model::LoopBound::Endless);
  // A break in a switch leaves the switch, not the loop.
  EXPECT_EQ(bound("endless_switch"), model::LoopBound::Endless);
}

TEST_F(LoopProgressTest, TellsLoopsBoundedByTheirData) {
  for (const char *Name :
       {"drains", "drains_cond_var", "drains_break", "walks", "counts",
        "ranges", "counts_in_static", "drains_through_reference"})
    EXPECT_EQ(bound(Name), model::LoopBound::Runtime) << Name;
  for (const char *Name : {"counts_to_constant", "fixed_range", "c_array"})
    EXPECT_EQ(bound(Name), model::LoopBound::CompileTime) << Name;
}

TEST_F(LoopProgressTest, LeavesUnknownWhatItCannotTell) {
  for (const char *Name : {"once", "leaves", "opaque", "on_exception"})
    EXPECT_EQ(bound(Name), model::LoopBound::Unknown) << Name;
}

} // namespace
