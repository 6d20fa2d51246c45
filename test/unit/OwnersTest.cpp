//===--- OwnersTest.cpp - async-lint --------------------------------------===//
//
// Unit tests of what keeps an object alive (Model/Owners.h).
//
//===----------------------------------------------------------------------===//

#include "Model/CoroutineModel.h"
#include "Model/NameMatcher.h"
#include "Model/Owners.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
#include <memory>
namespace std {
template <class T> struct unique_ptr {
  ~unique_ptr();
  T *operator->() const;
  T *get() const;
};
template <class T, class... A> unique_ptr<T> make_unique(A &&...);
} // namespace std
struct pinned {
  pinned() = default;
  pinned(const pinned &) = delete;
  int run();
};
struct joins {
  joins() = default;
  joins(const joins &) = delete;
  ~joins() { stop(); }
  void stop();
};
struct holds_joiner {
  joins J;
};
struct plain {
  void go();
  pinned P;
  int owned() { return P.run(); }
};
void keep(std::unique_ptr<plain>);
plain Global;
void owners() {
  plain Local;
  Local.go();
  plain().go();
  auto Sole = std::make_unique<plain>();
  Sole->go();
  auto Given = std::make_unique<plain>();
  Given->go();
  keep(static_cast<std::unique_ptr<plain> &&>(Given));
  plain *Ptr = &Local;
  Ptr->go();
  Global.go();
}
)cpp";

class OwnersTest : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        Code, {"-std=c++20", "-nostdinc", "-isystem", ASYNC_LINT_TEST_INPUTS},
        "input.cpp");
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
    auto Found = match(functionDecl(hasName("owners"), isDefinition()).bind("f"),
                       AST->getASTContext());
    ASSERT_FALSE(Found.empty());
    Body = Found.front().getNodeAs<FunctionDecl>("f")->getBody();
    for (const auto &Call :
         match(findAll(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("go"))))
                           .bind("c")),
               *Body, AST->getASTContext()))
      Calls.push_back(Call.getNodeAs<CXXMemberCallExpr>("c"));
    ASSERT_EQ(Calls.size(), 6u);
  }
  model::ObjectOwner owner(unsigned I) {
    return model::ownerOfObject(*Calls[I]->getImplicitObjectArgument(), *Body);
  }
  const CXXRecordDecl *record(llvm::StringRef Name) {
    auto Found = match(cxxRecordDecl(hasName(Name), isDefinition()).bind("r"),
                       AST->getASTContext());
    return Found.empty() ? nullptr
                         : Found.front().getNodeAs<CXXRecordDecl>("r");
  }

  std::unique_ptr<ASTUnit> AST;
  const Stmt *Body = nullptr;
  std::vector<const CXXMemberCallExpr *> Calls;
};

using K = model::ObjectOwner::Kind;

TEST_F(OwnersTest, OwnerOfTheObjectOfACall) {
  EXPECT_EQ(owner(0).What, K::Local);
  EXPECT_EQ(owner(0).Var->getName(), "Local");
  EXPECT_EQ(owner(1).What, K::Temporary);
  // The sole owner: a local unique_ptr that is only dereferenced.
  EXPECT_EQ(owner(2).What, K::Local);
  EXPECT_EQ(owner(2).Var->getName(), "Sole");
  // Given away: its owner is no longer shown here.
  EXPECT_EQ(owner(3).What, K::Unknown);
  // A raw pointer to a local.
  EXPECT_EQ(owner(4).What, K::Local);
  EXPECT_EQ(owner(4).Var->getName(), "Local");
  EXPECT_EQ(owner(5).What, K::Lasting);
}

TEST_F(OwnersTest, DestructorsThatMayJoin) {
  EXPECT_TRUE(model::mayJoinOnDestruction(record("joins")));
  EXPECT_TRUE(model::mayJoinOnDestruction(record("holds_joiner")));
  EXPECT_FALSE(model::mayJoinOnDestruction(record("plain")));
}

TEST_F(OwnersTest, OwnedMembers) {
  auto Method = match(cxxMethodDecl(hasName("owned"), isDefinition()).bind("m"),
                      AST->getASTContext());
  ASSERT_FALSE(Method.empty());
  auto Found = match(
      findAll(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("run")))).bind("c")),
      *Method.front().getNodeAs<CXXMethodDecl>("m")->getBody(),
      AST->getASTContext());
  ASSERT_FALSE(Found.empty());
  const FieldDecl *Owned =
      model::ownedMemberIn(*Found.front().getNodeAs<Expr>("c"));
  ASSERT_TRUE(Owned);
  EXPECT_EQ(Owned->getName(), "P");
}

} // namespace
