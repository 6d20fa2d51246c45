//===--- Assertions.cpp - async-lint --------------------------------------===//

#include "Assertions.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

namespace clang::tidy::async::model {

/// True when \p S never completes normally: it ends in a throw or in a call
/// of a function that does not return (abort, terminate, a failed assert).
bool stops(const Stmt *S) {
  if (const auto *Compound = dyn_cast_or_null<CompoundStmt>(S))
    return !Compound->body_empty() && stops(Compound->body_back());
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<CXXThrowExpr>(E))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->isNoReturn();
}

/// The position of the bool parameter that \p FD asserts: its body tests
/// the parameter first thing and stops (throws or calls a function that
/// does not return) when it is false, so a call that returns states it.
std::optional<unsigned> assertedBoolParameter(const FunctionDecl &FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD.hasBody(Def) || !Def)
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->body_empty())
    return std::nullopt;
  const auto *If = dyn_cast<IfStmt>(Body->body_front());
  if (!If || If->getInit() || If->getConditionVariable())
    return std::nullopt;
  const Expr *Cond = strip(If->getCond(), Wrappers::Condition);
  bool Negated = false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    Negated = true;
    Cond = strip(Not->getSubExpr(), Wrappers::Condition);
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(Cond);
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  if (!Param || !Param->getType()->isBooleanType())
    return std::nullopt;
  // 'if (!ok) abort();' or 'if (ok) {} else throw ...;'.
  if (!(Negated ? stops(If->getThen()) : stops(If->getElse())))
    return std::nullopt;
  for (unsigned I = 0; I < Def->getNumParams(); ++I)
    if (Def->getParamDecl(I) == Param)
      return I;
  return std::nullopt;
}

/// True when \p S contains a string literal made by the preprocessor's '#'
/// operator: a macro that reports the text of what it was given.
bool hasStringizedText(const Stmt *S, const SourceManager &SM) {
  bool Found = false;
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (const auto *Literal = dyn_cast<StringLiteral>(&Child);
        Literal && Literal->getBeginLoc().isMacroID() &&
        SM.isWrittenInScratchSpace(SM.getSpellingLoc(Literal->getBeginLoc())))
      Found = true;
  });
  return Found;
}

const Expr *oneSidedTest(const Stmt &S,
                         llvm::function_ref<bool(const Stmt *)> Failing,
                         bool &Holds, bool Plain) {
  const Expr *Cond = nullptr;
  const Stmt *Then = nullptr, *Else = nullptr;
  if (const auto *If = dyn_cast<IfStmt>(&S)) {
    if (Plain &&
        (If->getInit() || If->getConditionVariable() || If->isConsteval()))
      return nullptr;
    Cond = If->getCond();
    Then = If->getThen();
    Else = If->getElse();
  } else if (const auto *Choice = dyn_cast<ConditionalOperator>(&S)) {
    Cond = Choice->getCond();
    Then = Choice->getTrueExpr();
    Else = Choice->getFalseExpr();
  }
  if (!Cond)
    return nullptr;
  bool ThenFails = Failing(Then), ElseFails = Failing(Else);
  if (ThenFails == ElseFails)
    return nullptr;
  Holds = ElseFails;
  return Cond;
}

/// The condition and the branch that reports the failure of an assertion
/// macro's expansion \p S: the first if or ?: of which exactly one branch
/// reports the condition's text. \p Holds: the condition's value when the
/// assertion passes.
const Expr *assertionFailureTest(const Stmt *S, const SourceManager &SM,
                                 bool &Holds) {
  const Expr *Found = nullptr;
  auto Reports = [&](const Stmt *Branch) {
    return Branch && hasStringizedText(Branch, SM);
  };
  forEachOwnStmt(S, [&](const Stmt &Child) {
    if (!Found)
      Found = oneSidedTest(Child, Reports, Holds);
  });
  return Found;
}

bool isAssertionMacro(const Stmt &S, llvm::ArrayRef<std::string> Listed,
                      const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Begin = S.getBeginLoc();
  if (!Begin.isMacroID())
    return false;
  // The whole statement is one expansion of one macro.
  SourceLocation Expansion = SM.getExpansionLoc(Begin);
  if (Expansion != SM.getExpansionLoc(S.getEndLoc()))
    return false;
  StringRef Name =
      Lexer::getSourceText(CharSourceRange::getTokenRange(Expansion, Expansion),
                           SM, Ctx.getLangOpts());
  bool Named = llvm::any_of(Listed, [&](StringRef Pattern) {
    return Pattern.consume_back("*") ? Name.starts_with(Pattern)
                                     : Name == Pattern;
  });
  // A macro that reports the text of its condition states it.
  return Named || hasStringizedText(&S, SM);
}

} // namespace clang::tidy::async::model
