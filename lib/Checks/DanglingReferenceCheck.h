//===--- DanglingReferenceCheck.h - async-lint -------------------*- C++
//-*-===//

#ifndef ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H
#define ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H

#include "../Model/Library.h"
#include "../Model/TaskFlow.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::async {

/// Finds reference, pointer and view parameters of coroutines whose referent
/// dies while the coroutine still uses it.
class DanglingReferenceCheck : public ClangTidyCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context);
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus20;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void onStartOfTranslationUnit() override;

private:
  /// A parameter (or, with index -1, the object of a member coroutine)
  /// through which a coroutine refers to something of its caller's.
  bool refersThrough(const ParmVarDecl &Param) const;
  /// The first use of parameter \p Index (-1: 'this') of \p Coro that may
  /// run after the coroutine has suspended; null when there is none.
  const Stmt *firstLateUse(const FunctionDecl &Coro, int Index,
                           ASTContext &Ctx);
  void checkCalls(const FunctionDecl &FD, const Stmt *Body, ASTContext &Ctx);
  void checkCall(const CallExpr &Call, const FunctionDecl &Coro,
                 std::unique_ptr<model::TaskFlow> &Flow,
                 const FunctionDecl &Caller, ASTContext &Ctx);
  void checkAwaitedReferences(const Stmt *Body, ASTContext &Ctx);
  void checkStrictParameters(const FunctionDecl &FD, ASTContext &Ctx);
  /// References, pointers and iterators into a member container, used
  /// after a suspension while other code of the class modifies it.
  void checkElementReferences(const FunctionDecl &FD, const Stmt *Body,
                              ASTContext &Ctx);
  /// A statement of \p Field's class that may invalidate references into
  /// it, or null.
  const Stmt *modificationOf(const FieldDecl &Field);

  const model::NameMatcher ViewTypes;
  const bool ReferenceWrappers;
  const bool StrictParameters;
  const model::Library Lib;
  llvm::DenseMap<std::pair<const FunctionDecl *, int>, const Stmt *> LateUses;
  llvm::DenseMap<const FieldDecl *, const Stmt *> Modifications;
  llvm::DenseSet<unsigned> Reported;
};

} // namespace clang::tidy::async

#endif // ASYNC_LINT_CHECKS_DANGLINGREFERENCECHECK_H
