//===--- TestAST.h - async-lint unit tests ----------------------*- C++ -*-===//
//
// Small ASTs for the model's unit tests: code parsed against the checker
// tests' mock headers, and a function of it found by name.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_TEST_UNIT_TESTAST_H
#define ASYNC_LINT_TEST_UNIT_TESTAST_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace async_lint_test {

/// \p Code parsed as C++ (\p Std) against the mock headers; a parse error
/// fails the test.
inline std::unique_ptr<clang::ASTUnit>
parse(llvm::StringRef Code, llvm::StringRef Std = "-std=c++20") {
  std::unique_ptr<clang::ASTUnit> AST = clang::tooling::buildASTFromCodeWithArgs(
      Code, {Std.str(), "-nostdinc", "-isystem", ASYNC_LINT_TEST_INPUTS},
      "input.cpp");
  EXPECT_TRUE(AST);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  return AST;
}

/// The definition of the function named \p Name; null when there is none.
inline const clang::FunctionDecl *function(clang::ASTUnit &AST,
                                           llvm::StringRef Name) {
  using namespace clang::ast_matchers;
  auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                     AST.getASTContext());
  return Found.empty() ? nullptr
                       : Found.front().getNodeAs<clang::FunctionDecl>("f");
}

} // namespace async_lint_test

#endif // ASYNC_LINT_TEST_UNIT_TESTAST_H
