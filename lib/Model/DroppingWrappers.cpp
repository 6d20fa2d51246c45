//===--- DroppingWrappers.cpp - async-lint --------------------------------===//

#include "DroppingWrappers.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/TypeLoc.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// Calls \p Fn with each call operator of \p RD and of its bases: a method,
/// each specialisation of a template, or the template's pattern (with
/// \p Pattern true) when it has none. Bounded: bases a few deep.
void forEachCallOperator(
    const CXXRecordDecl *RD,
    llvm::function_ref<void(const FunctionDecl &, bool Pattern)> Fn,
    unsigned Depth = 0) {
  if (!RD || Depth > 4 || !(RD = RD->getDefinition()))
    return;
  for (const Decl *D : RD->decls()) {
    if (const auto *Method = dyn_cast<CXXMethodDecl>(D)) {
      if (Method->getOverloadedOperator() == OO_Call)
        Fn(*Method, false);
      continue;
    }
    const auto *Template = dyn_cast<FunctionTemplateDecl>(D);
    const FunctionDecl *Op = Template ? Template->getTemplatedDecl() : nullptr;
    if (!Op || Op->getOverloadedOperator() != OO_Call)
      continue;
    if (Template->specializations().empty())
      Fn(*Op, true);
    for (const FunctionDecl *Specialization : Template->specializations())
      Fn(*Specialization, false);
  }
  for (const CXXBaseSpecifier &Base : RD->bases())
    forEachCallOperator(Base.getType()->getAsCXXRecordDecl(), Fn, Depth + 1);
}

/// How many arguments a call of the wrapper \p RD passes, when it has call
/// operators and every one returns void; std::nullopt otherwise.
std::optional<unsigned> voidCallArity(const CXXRecordDecl *RD) {
  std::optional<unsigned> Arity;
  bool AllVoid = true;
  forEachCallOperator(RD, [&](const FunctionDecl &Op, bool) {
    AllVoid = AllVoid && Op.getReturnType()->isVoidType();
    if (!Arity)
      Arity = Op.getNumParams();
  });
  return AllVoid ? Arity : std::nullopt;
}

/// Whether \p Op, a call operator of a callable, may be the one a call
/// with \p Arity arguments reaches.
bool mayTake(const FunctionDecl &Op, unsigned Arity) {
  return Op.getNumParams() == Arity || Op.isVariadic() ||
         llvm::any_of(Op.parameters(), [](const ParmVarDecl *P) {
           return P->isParameterPack();
         });
}

/// The function \p Callable names (through '&', copies and casts).
const FunctionDecl *namedFunction(const Expr *Callable) {
  const Expr *E = strip(Callable, Wrappers::Object);
  if (const auto *Address = dyn_cast_or_null<UnaryOperator>(E);
      Address && Address->getOpcode() == UO_AddrOf)
    E = strip(Address->getSubExpr(), Wrappers::Object);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  return Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
}

/// Fills \p C with what each call of \p Callable with \p Arity arguments
/// returns, when every call operator it may reach returns what \p Verdicts
/// judges a task or an awaitable (the first one's). False otherwise.
bool judgeCall(const Expr &Callable, unsigned Arity,
               const DropVerdicts &Verdicts, DroppingConversion &C) {
  QualType T = Callable.getType().getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  else if (const auto *Member = T->getAs<MemberPointerType>())
    T = Member->getPointeeType();
  if (const auto *Function = T->getAs<FunctionType>()) {
    C.Result = Function->getReturnType();
    C.Target = namedFunction(&Callable);
    C.Verdict = Verdicts.judge(C.Result, nullptr);
    return C.Verdict.What != DropVerdict::Kind::None;
  }
  bool All = true, Any = false;
  forEachCallOperator(
      T->getAsCXXRecordDecl(), [&](const FunctionDecl &Op, bool Pattern) {
        QualType R = Op.getReturnType();
        if (!mayTake(Op, Arity) ||
            (Pattern && (R->isDependentType() || R->isUndeducedType())))
          return;
        DropVerdict V = Verdicts.judge(R, nullptr);
        All = All && V.What != DropVerdict::Kind::None;
        if (!Any)
          C = {C.Callable, C.Wrapper, &Op, R, V};
        Any = true;
      });
  return Any && All;
}

/// The text of the finding for \p C.
Finding describe(const DroppingConversion &C, const ASTContext &Ctx) {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  std::string Wrapper = C.Wrapper.getUnqualifiedType().getAsString(Policy);
  std::string Result = C.Result.getUnqualifiedType().getAsString(Policy);
  std::string Callee = !C.Target ? "the callable"
                       : isLambdaCallOperator(*C.Target)
                           ? "the lambda"
                           : "'" + displayName(canonicalName(*C.Target)) + "'";
  bool Task = C.Verdict.What == DropVerdict::Kind::Task;
  std::string Message =
      (Task ? "task returned by " : "awaitable returned by ") + Callee +
      " is discarded by each call of '" + displayName(Wrapper) + "'";
  // A warning stays under 120 characters: the wrapper's class, unadorned.
  if (Message.size() > 100)
    Message = (Task ? "task returned by " : "awaitable returned by ") + Callee +
              " is discarded by each call of '" +
              displayName(canonicalTypeName(C.Wrapper)) + "'";
  std::string What = Task ? "a task" : "an awaitable";
  if (Task && C.Verdict.Laziness == Laziness::Lazy) {
    Message += " and never runs";
    What = "a lazy task, which runs only when awaited";
  } else if (Task && C.Verdict.Laziness == Laziness::Eager) {
    Message += " and runs detached";
    What = "an eager task: dropped, its result and failure are lost";
  }
  // The first token only: a coroutine lambda spans many lines.
  SourceLocation Loc = C.Callable->getBeginLoc();
  Finding F{Loc, SourceRange(Loc, Loc), std::move(Message), {}};
  if (C.Target) {
    // The return type as written, a trailing one too; a deduced one is
    // not written (a lambda without '->').
    SourceLocation At;
    if (FunctionTypeLoc Type = C.Target->getFunctionTypeLoc();
        Type && !Type.getReturnLoc().getAs<AutoTypeLoc>())
      At = Type.getReturnLoc().getBeginLoc();
    if (At.isInvalid())
      At = isLambdaCallOperator(*C.Target)
               ? cast<CXXMethodDecl>(C.Target)->getParent()->getLocation()
               : C.Target->getLocation();
    F.Notes.push_back({At, "each call returns '" + Result + "', " + What});
  }
  F.Notes.push_back({F.Loc, "make the wrapper return '" + Result +
                                "' and await what each call returns"});
  return F;
}

} // namespace

std::optional<DroppingConversion>
droppingConversion(const Stmt &S, const DropVerdicts &Verdicts,
                   const NameMatcher &Awaiting) {
  const FunctionDecl *Converter = nullptr;
  llvm::ArrayRef<const Expr *> Args;
  DroppingConversion C;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    Converter = Construct->getConstructor();
    Args = {Construct->getArgs(), Construct->getNumArgs()};
    C.Wrapper = Construct->getType();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
             Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    Converter = Op->getDirectCallee();
    Args = {Op->getArgs() + 1, 1};
    C.Wrapper = Op->getArg(0)->getType();
  }
  // The callable's type is a parameter of the converting template: the
  // wrapper erases it.
  const FunctionTemplateDecl *Template =
      Converter ? Converter->getPrimaryTemplate() : nullptr;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Converter);
  if (!Template || !Method)
    return std::nullopt;
  std::optional<unsigned> Arity = voidCallArity(Method->getParent());
  if (!Arity)
    return std::nullopt;
  // The callable is the first argument, of a parameter of the template's
  // own (std::function(F), operator=(F &&)); a tag or an allocator is not.
  const FunctionDecl *Pattern = Template->getTemplatedDecl();
  if (Args.empty() || !Args[0] || Pattern->getNumParams() == 0 ||
      !Pattern->getParamDecl(0)->getType()->isDependentType())
    return std::nullopt;
  C.Callable = Args[0];
  if (!judgeCall(*Args[0], *Arity, Verdicts, C) ||
      Awaiting.matches(canonicalName(*Method->getParent())))
    return std::nullopt;
  return C;
}

std::vector<Finding> droppingConversions(const FunctionDecl &FD,
                                         const OwnStmts &Own,
                                         const DropVerdicts &Verdicts,
                                         const NameMatcher &Awaiting,
                                         const ASTContext &Ctx) {
  // The conversions first: most functions make none, and then the
  // discarded expressions below are not looked for.
  llvm::SmallVector<std::pair<const Stmt *, DroppingConversion>, 2> Made;
  auto Visit = [&](const Stmt &S) {
    if (std::optional<DroppingConversion> C =
            droppingConversion(S, Verdicts, Awaiting))
      Made.push_back({&S, *C});
  };
  for (const Stmt *S : Own.all())
    Visit(*S);
  // Members initialised by a constructor, with a default initialiser or not.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD))
    for (const CXXCtorInitializer *Init : Ctor->inits()) {
      const Expr *E = Init->getInit();
      if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(E))
        E = Default->getExpr();
      forEachOwnStmt(E, Visit);
    }
  std::vector<Finding> Found;
  if (Made.empty())
    return Found;
  // A wrapper made and dropped by a discarded expression is never called.
  llvm::SmallPtrSet<const Stmt *, 4> Uncalled;
  for (const Stmt *S : Own.all())
    forEachDiscardedChild(*S, [&](const Expr *E, bool) {
      if (const Expr *Wrapper = strip(E, Wrappers::Object);
          isa_and_nonnull<CXXConstructExpr>(Wrapper))
        Uncalled.insert(Wrapper);
    });
  for (const auto &[S, C] : Made)
    if (!Uncalled.contains(S))
      Found.push_back(describe(C, Ctx));
  return Found;
}

} // namespace clang::tidy::async::model
