//===--- ContextUsesTest.cpp - async-lint ---------------------------------===//
//
// Unit tests of what a function does with its local contexts
// (Model/ContextUses.h) and of the paths to a local's scope end
// (Model/UsedBeforeScopeEnd.h).
//
//===----------------------------------------------------------------------===//

#include "Model/AnalysisSession.h"
#include "Model/ContextUses.h"
#include "Model/UsedBeforeScopeEnd.h"
#include "TestAST.h"
#include "clang/Analysis/CFG.h"
#include "clang/Frontend/ASTUnit.h"
#include "gtest/gtest.h"

using namespace clang;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
#include "asio.hpp"
void job();
bool failed();
void never() {
  asio::io_context c;
  asio::post(c, job);
}
int early() {
  asio::io_context c;
  asio::post(c.get_executor(), job);
  if (failed())
    return 1;
  c.run();
  return 0;
}
void looped() {
  asio::io_context c;
  asio::post(c, job);
  while (c.run_one()) {}
}
void take(asio::io_context &);
void handed() {
  asio::io_context c;
  asio::post(c, job);
  take(c);
}
void captured() {
  asio::io_context c;
  auto f = [&c] { c.run(); };
  asio::post(c, job);
  f();
}
)cpp";

model::ContextKnowledge asioKnowledge() {
  std::vector<std::string> Libraries = {"asio"};
  model::ContextKnowledge K;
  K.ContextTypes = model::NameMatcher(
      model::contextPreset(model::ContextList::ContextTypes, Libraries));
  K.HandOffFunctions = model::NameMatcher(
      model::contextPreset(model::ContextList::HandOffFunctions, Libraries));
  K.RunFunctions = model::NameMatcher(
      model::contextPreset(model::ContextList::RunFunctions, Libraries));
  K.ExecutorAccessors = model::NameMatcher(
      model::contextPreset(model::ContextList::ExecutorAccessors, Libraries));
  return K;
}

struct Judged {
  std::vector<model::ContextUses> Uses;
  model::ScopeEndPaths Paths;
};

Judged judge(ASTUnit &AST, StringRef Name) {
  const FunctionDecl *FD = async_lint_test::function(AST, Name);
  EXPECT_TRUE(FD);
  Judged J;
  if (!FD)
    return J;
  J.Uses = model::contextUsesOf(*FD->getBody(), asioKnowledge());
  if (J.Uses.size() != 1 || J.Uses[0].HandOffs.empty())
    return J;
  std::unique_ptr<CFG> Graph =
      model::buildFunctionCFG(*FD, AST.getASTContext());
  const model::ContextUses &U = J.Uses[0];
  J.Paths = model::pathsToScopeEnd(
      *Graph, *U.Context, U.HandOffs.front(),
      [&U](const Stmt &S) { return U.Runs.contains(&S); });
  return J;
}

unsigned lineOf(ASTUnit &AST, SourceLocation Loc) {
  return AST.getSourceManager().getSpellingLineNumber(Loc);
}

TEST(ContextUsesTest, NeverRun) {
  auto AST = async_lint_test::parse(Code);
  Judged J = judge(*AST, "never");
  ASSERT_EQ(J.Uses.size(), 1u);
  EXPECT_EQ(J.Uses[0].Escape, nullptr);
  EXPECT_EQ(J.Uses[0].HandOffs.size(), 1u);
  EXPECT_TRUE(J.Uses[0].Runs.empty());
  ASSERT_TRUE(J.Paths.Known);
  ASSERT_EQ(J.Paths.Unused.size(), 1u);
  EXPECT_EQ(lineOf(*AST, J.Paths.Unused[0]), 8u);
  EXPECT_TRUE(J.Paths.Uses.empty());
}

TEST(ContextUsesTest, EarlyReturnThroughExecutor) {
  auto AST = async_lint_test::parse(Code);
  Judged J = judge(*AST, "early");
  ASSERT_EQ(J.Uses.size(), 1u);
  EXPECT_EQ(J.Uses[0].Escape, nullptr);
  ASSERT_EQ(J.Paths.Unused.size(), 1u);
  EXPECT_EQ(lineOf(*AST, J.Paths.Unused[0]), 13u);
  ASSERT_EQ(J.Paths.Uses.size(), 1u);
  EXPECT_EQ(lineOf(*AST, J.Paths.Uses[0]->getBeginLoc()), 14u);
}

TEST(ContextUsesTest, RunInLoopConditionIsOnEveryPath) {
  auto AST = async_lint_test::parse(Code);
  Judged J = judge(*AST, "looped");
  ASSERT_TRUE(J.Paths.Known);
  EXPECT_TRUE(J.Paths.usedOnEveryPath());
}

TEST(ContextUsesTest, HandedOnOrCaptured) {
  auto AST = async_lint_test::parse(Code);
  Judged Handed = judge(*AST, "handed");
  ASSERT_EQ(Handed.Uses.size(), 1u);
  EXPECT_NE(Handed.Uses[0].Escape, nullptr);
  Judged Captured = judge(*AST, "captured");
  ASSERT_EQ(Captured.Uses.size(), 1u);
  // The lambda hands it on by running it in its body.
  EXPECT_TRUE(isa_and_nonnull<CXXMemberCallExpr>(Captured.Uses[0].Escape));
}

TEST(ContextUsesTest, PresetsPerLibrary) {
  std::string Asio =
      model::contextPreset(model::ContextList::ContextTypes, {"asio"});
  std::string Both = model::contextPreset(model::ContextList::ContextTypes,
                                          {"asio", "boost::asio"});
  EXPECT_EQ(Asio, "::asio::io_context");
  EXPECT_EQ(Both, "::asio::io_context;::boost::asio::io_context");
  EXPECT_EQ(model::contextPreset(model::ContextList::RunFunctions,
                                 {"async_simple"}),
            "");
}

} // namespace
