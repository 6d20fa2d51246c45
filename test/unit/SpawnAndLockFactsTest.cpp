//===--- SpawnAndLockFactsTest.cpp - async-lint ---------------------------===//
//
// Unit tests of facts moved out of checks into the model: whether a loop runs
// a number of times fixed before it starts (Model/StaticLoopBounds.h), what a
// call spawns (Model/SpawnSites.h), and which construction initialises a
// lock guard (Model/HeldLocks.h).
//
//===----------------------------------------------------------------------===//

#include "Model/HeldLocks.h"
#include "Model/NameMatcher.h"
#include "Model/SpawnSites.h"
#include "Model/StaticLoopBounds.h"
#include "TestAST.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
#include <array>
#include <mutex>
#include <thread>
#include <vector>
void use(int);
void work();
int limit;

int main(int argc, char **argv) {
  for (int i = 0; i < argc; ++i) use(i);
  return 0;
}
void constant() { for (int i = 0; i < 16; ++i) use(i); }
void parameter(int n) { for (int i = 0; i < n; ++i) use(i); }
void global_bound() { for (int i = 0; i < limit; ++i) use(i); }
void changed_bound() {
  int n = 4;
  for (int i = 0; i < n; ++i) ++n;
}
void array_range(std::array<int, 4> &a) { for (int x : a) use(x); }
void vector_range(std::vector<int> &v) { for (int x : v) use(x); }
void sized_by(int n) { for (int i = 0; i < n; ++i) use(i); }

void detached() { std::thread(work).detach(); }
void joined() { std::thread t(work); t.join(); }
void into_pool(std::vector<std::thread> &pool) { pool.emplace_back(work); }

std::mutex m;
void direct() { std::lock_guard<std::mutex> g(m); }
void through_cast() { auto g = std::unique_lock<std::mutex>(m); }
)cpp";

class SpawnAndLockFactsTest : public ::testing::Test {
protected:
  void SetUp() override {
    AST = async_lint_test::parse(Code);
    ASSERT_TRUE(AST);
  }
  ASTContext &ctx() { return AST->getASTContext(); }
  /// The first loop of the function \p Name.
  const Stmt *loopIn(llvm::StringRef Name) {
    auto Found = match(
        functionDecl(hasName(Name), isDefinition(),
                     forEachDescendant(
                         stmt(anyOf(forStmt(), cxxForRangeStmt())).bind("l"))),
        ctx());
    EXPECT_FALSE(Found.empty()) << Name.str();
    return Found.empty() ? nullptr : Found.front().getNodeAs<Stmt>("l");
  }
  bool bounded(llvm::StringRef Name, const FunctionDecl *Sizing = nullptr) {
    const Stmt *Loop = loopIn(Name);
    return Loop && model::staticallyBounded(*Loop, ctx(), Sizing);
  }
  /// Whether some call in the function \p Name spawns.
  bool spawns(llvm::StringRef Name) {
    model::NameMatcher None;
    auto Found =
        match(functionDecl(hasName(Name), isDefinition(),
                           forEachDescendant(callExpr().bind("c"))),
              ctx());
    return llvm::any_of(Found, [&](const BoundNodes &N) {
      return model::spawnedBy(*N.getNodeAs<CallExpr>("c"), None, None);
    });
  }
  /// The guard variable 'g' of the function \p Name.
  const VarDecl *guardIn(llvm::StringRef Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition(),
                                    hasDescendant(varDecl(hasName("g")).bind(
                                        "g"))),
                       ctx());
    return Found.empty() ? nullptr : Found.front().getNodeAs<VarDecl>("g");
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(SpawnAndLockFactsTest, TellsLoopsWhoseCountIsFixedBeforeTheyStart) {
  for (const char *Name : {"main", "constant", "global_bound", "array_range"})
    EXPECT_TRUE(bounded(Name)) << Name;
  for (const char *Name :
       {"parameter", "changed_bound", "vector_range", "sized_by"})
    EXPECT_FALSE(bounded(Name)) << Name;
  // Where a pool is sized, the size it is given is the bound.
  EXPECT_TRUE(bounded("sized_by", async_lint_test::function(*AST, "sized_by")));
}

TEST_F(SpawnAndLockFactsTest, TellsCallsThatStartThreads) {
  EXPECT_TRUE(spawns("detached"));
  EXPECT_TRUE(spawns("into_pool"));
  EXPECT_FALSE(spawns("joined"));
}

TEST_F(SpawnAndLockFactsTest, FindsTheConstructionOfAGuard) {
  for (const char *Name : {"direct", "through_cast"}) {
    const VarDecl *Guard = guardIn(Name);
    ASSERT_NE(Guard, nullptr) << Name;
    const CXXConstructExpr *Construct = model::guardConstruction(*Guard);
    ASSERT_NE(Construct, nullptr) << Name;
    // The construction on the mutex, not the copy of a temporary.
    EXPECT_EQ(Construct->getNumArgs(), 1u) << Name;
    EXPECT_EQ(model::mutexKey(Construct->getArg(0))->getName(), "m") << Name;
  }
}

} // namespace
