//===--- ContainerWalksTest.cpp - async-lint ------------------------------===//
//
// Unit tests of what a coroutine holds into a container (Model/
// ContainerHolds.h) and what invalidates it, by family (Model/
// ContainerInvalidation.h): walks, copies of held iterators, and families
// read from options.
//
//===----------------------------------------------------------------------===//

#include "Model/ContainerHolds.h"
#include "Model/CoroutineModel.h"
#include "TestAST.h"

using namespace clang;
using namespace clang::ast_matchers;
using async_lint_test::function;
using async_lint_test::parse;
namespace model = clang::tidy::async::model;

namespace {

const char *Code = R"cpp(
#include <map>
#include <vector>
namespace corp {
template <class T> struct ring {
  T *begin();
  void erase(T *);
  void push_back(const T &);
};
} // namespace corp
struct store {
  std::map<int, int> kvs_;
  std::vector<int> items_;
  corp::ring<int> ring_;
  void use() {
    auto First = kvs_.begin();
    auto Walker = First;
    ++Walker;
    auto Lookup = kvs_.find(1);
    for (int I : items_)
      (void)I;
  }
  void modify() {
    kvs_.erase(1);
    ring_.erase(ring_.begin());
  }
};
)cpp";

/// The call of \p Method on the member \p Field in modify().
const Stmt *callOf(ASTUnit &AST, llvm::StringRef Method,
                   llvm::StringRef Field) {
  auto Found =
      match(cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method))),
                              on(memberExpr(member(hasName(Field)))),
                              hasAncestor(functionDecl(hasName("modify"))))
                .bind("c"),
            AST.getASTContext());
  return Found.empty() ? nullptr : Found.front().getNodeAs<Stmt>("c");
}

TEST(ContainerWalks, CopiesHoldAndSteppedIteratorsWalk) {
  auto AST = parse(Code);
  const FunctionDecl *Use = function(*AST, "use");
  ASSERT_TRUE(Use && Use->getBody());
  model::NameMatcher Views("::std::basic_string_view");
  llvm::StringMap<model::Held> Held;
  for (const model::ContainerHold &Hold :
       model::containerHolds(*Use->getBody(), Views))
    Held[Hold.Loop ? "loop" : Hold.Var->getName()] = Hold.H;
  ASSERT_EQ(Held.size(), 4u);
  EXPECT_EQ(Held.lookup("First"), model::Held::Iterator);
  // A copy of a held iterator holds too; stepped, it walks.
  EXPECT_EQ(Held.lookup("Walker"), model::Held::Walk);
  EXPECT_EQ(Held.lookup("Lookup"), model::Held::Iterator);
  EXPECT_EQ(Held.lookup("loop"), model::Held::Walk);
}

TEST(ContainerWalks, ErasureInvalidatesOnlyAWalkOfANodeContainer) {
  auto AST = parse(Code);
  const Stmt *Erase = callOf(*AST, "erase", "kvs_");
  ASSERT_TRUE(Erase);
  model::ContainerFamilies Families;
  EXPECT_FALSE(model::invalidatedBy(*Erase, model::Held::Iterator, Families));
  EXPECT_FALSE(model::invalidatedBy(*Erase, model::Held::Element, Families));
  EXPECT_TRUE(model::invalidatedBy(*Erase, model::Held::Walk, Families));
  // A class of no family is judged as a vector: erasure moves elements.
  const Stmt *RingErase = callOf(*AST, "erase", "ring_");
  ASSERT_TRUE(RingErase);
  EXPECT_TRUE(
      model::invalidatedBy(*RingErase, model::Held::Element, Families));
}

TEST(ContainerWalks, FamiliesAreReadFromOptions) {
  auto AST = parse(Code);
  const FieldDecl *Ring = nullptr;
  for (const auto &Match :
       match(fieldDecl(hasName("ring_")).bind("f"), AST->getASTContext()))
    Ring = Match.getNodeAs<FieldDecl>("f");
  ASSERT_TRUE(Ring);
  model::ContainerFamilies Defaults;
  EXPECT_EQ(model::containerFamily(Ring->getType(), Defaults),
            model::ContainerFamily::Unknown);
  model::ContainerFamilies Listed;
  Listed.Node = model::NameMatcher("::corp::ring");
  EXPECT_EQ(model::containerFamily(Ring->getType(), Listed),
            model::ContainerFamily::Node);
}

} // namespace
