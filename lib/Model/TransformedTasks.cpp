//===--- TransformedTasks.cpp - async-lint --------------------------------===//

#include "TransformedTasks.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "ConcurrencyLimits.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "RangeSizes.h"
#include "StaticLoopBounds.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::async::model {

namespace {

bool isLazyTask(QualType T) {
  return !T.isNull() && !T->isDependentType() && isTaskType(T) &&
         lazinessOfEveryPromise(T) == Laziness::Lazy;
}

/// The template argument \p I of the class behind \p T, when it is a type.
QualType typeArgument(QualType T, unsigned I) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() <= I ||
      Spec->getTemplateArgs()[I].getKind() != TemplateArgument::Type)
    return {};
  return Spec->getTemplateArgs()[I].getAsType();
}

/// The call operator of the callable \p T (a lambda, or a class with one
/// non-template call operator); null otherwise.
const CXXMethodDecl *callOperator(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  if (RD->isLambda())
    return RD->getLambdaCallOperator();
  const CXXMethodDecl *Found = nullptr;
  for (const CXXMethodDecl *M : RD->methods())
    if (M->getOverloadedOperator() == OO_Call)
      Found = Found ? nullptr : M;
  return Found;
}

/// True when the callable \p T returns a lazy task: a pointer to a function
/// or a class whose call operator does.
bool returnsLazyTask(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  if (const auto *Fn = T->getAs<FunctionType>())
    return isLazyTask(Fn->getReturnType());
  const CXXMethodDecl *Op = callOperator(T);
  return Op && isLazyTask(Op->getReturnType());
}

/// True when the callable \p T's visible body takes a slot of a limiter
/// before it makes its task (a lambda that awaits a semaphore).
bool takesSlot(QualType T, const TransformLists &Lists) {
  const CXXMethodDecl *Op = callOperator(T);
  const Stmt *Body = Op ? Op->getBody() : nullptr;
  bool Takes = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S))
      Takes |= limitsByCall(*Call, Lists.LimiterFunctions, Lists.LimiterTypes);
  });
  return Takes;
}

/// The local variable \p E names, when it has an initialiser.
const VarDecl *initialisedLocal(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
                 Var->getInit()
             ? Var
             : nullptr;
}

/// The arguments \p E passes, without the function object of a call
/// through operator() (`views::transform(r, f)` calls an object).
llvm::SmallVector<const Expr *, 4> argumentsOf(const Expr *E) {
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E)) {
    Args.append(Op->arg_begin(), Op->arg_end());
    if (Op->getOperator() == OO_Call && !Args.empty())
      Args.erase(Args.begin());
  } else if (const auto *Call = dyn_cast_or_null<CallExpr>(E))
    Args.append(Call->arg_begin(), Call->arg_end());
  else if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(E))
    Args.append(Construct->arg_begin(), Construct->arg_end());
  // A defaulted argument (ranges::transform's projection) is not written.
  llvm::erase_if(Args, [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); });
  return Args;
}

/// \p E without a `.begin()`/`.end()` (or std::begin/std::end) taken of it.
const Expr *rangeOfIterator(const Expr *E) {
  E = strip(E, Wrappers::Object);
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = Member->getMethodDecl();
    if (M && M->getIdentifier() &&
        llvm::is_contained({"begin", "end", "cbegin", "cend"}, M->getName()))
      return Member->getImplicitObjectArgument();
  }
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E);
      Call && !isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() == 1)
    if (const FunctionDecl *FD = Call->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        llvm::is_contained({"begin", "end", "cbegin", "cend"}, FD->getName()))
      return Call->getArg(0);
  return E;
}

bool isRangeType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isArrayType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() &&
         llvm::any_of(RD->methods(), [](const CXXMethodDecl *M) {
           return M->getIdentifier() && M->getName() == "begin";
         });
}

/// A transform view \p E makes (followed through locals): the range it
/// transforms, and the callable's type. Null input otherwise.
std::pair<const Expr *, QualType> viewOf(const Expr *E,
                                         const NameMatcher &Views) {
  for (unsigned Depth = 0; E && Depth < 4; ++Depth) {
    E = strip(E, Wrappers::Object);
    if (!E || !Views.matches(canonicalTypeName(E->getType())))
      return {};
    if (const VarDecl *Var = initialisedLocal(E)) {
      E = Var->getInit();
      continue;
    }
    QualType Fn = typeArgument(E->getType(), 1);
    // `r | views::transform(f)`, `views::transform(r, f)`,
    // `transform_view(r, f)`: the first argument that is a range.
    for (const Expr *Arg : argumentsOf(E))
      if (isRangeType(Arg->getType()))
        return {Arg, Fn};
    return {};
  }
  return {};
}

/// True when \p Input is a batch of a bounded size: it takes a constant
/// count of its range (`views::take(16)`, `span.subspan(i, 16)`,
/// `span.first(16)`, `views::counted(it, 16)`), also through a local.
bool boundedBatch(const Expr *Input, ASTContext &Ctx, unsigned Depth = 0) {
  Input = strip(Input, Wrappers::Object);
  if (!Input || Depth > 6)
    return false;
  if (const VarDecl *Var = initialisedLocal(Input))
    return boundedBatch(Var->getInit(), Ctx, Depth + 1);
  if (const auto *Call = dyn_cast<CallExpr>(Input)) {
    std::optional<CallInfo> Info = describeCall(*Call);
    bool Takes = Info && llvm::any_of(Info->Names, [](StringRef Name) {
                   return llvm::is_contained(
                       {"take", "subspan", "first", "last", "counted"},
                       Name.rsplit("::").second);
                 });
    llvm::SmallVector<const Expr *, 4> Args = argumentsOf(Call);
    if (Takes && !Args.empty() && Args.back()->getType()->isIntegerType() &&
        boundedCount(Args.back(), Ctx))
      return true;
    // A pipe: `r | views::take(16)`.
    return llvm::any_of(Args, [&](const Expr *Arg) {
      return boundedBatch(Arg, Ctx, Depth + 1);
    });
  }
  return false;
}

bool fixedInput(const Expr *Input, ASTContext &Ctx) {
  Input = rangeOfIterator(Input);
  return fixedSizeRange(Input, Ctx) || fixedExtent(Input, Ctx) ||
         boundedBatch(Input, Ctx);
}

/// The local container an output iterator argument writes into:
/// `std::back_inserter(c)`, `std::inserter(c, it)`, `c.begin()`.
const VarDecl *outputContainer(const Expr *Arg) {
  const Expr *E = strip(Arg, Wrappers::Object);
  if (const auto *Call = dyn_cast_or_null<CallExpr>(E);
      Call && !isa<CXXMemberCallExpr, CXXOperatorCallExpr>(Call))
    if (const FunctionDecl *FD = Call->getDirectCallee();
        FD && FD->isInStdNamespace() && FD->getIdentifier() &&
        llvm::is_contained({"back_inserter", "front_inserter", "inserter"},
                           FD->getName()) &&
        Call->getNumArgs() > 0)
      E = Call->getArg(0);
  E = rangeOfIterator(E);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() ? Var : nullptr;
}

struct Making {
  const Expr *Input;
  const Stmt *Made;
  QualType Fn;
};

/// A call of a transform algorithm that fills a local container of lazy
/// tasks: the container, and how it is made.
std::pair<const VarDecl *, Making> transformCall(const CallExpr &Call,
                                                 const CallInfo &Info,
                                                 const NameMatcher &Functions) {
  if (!anyNameMatches(Functions, Info))
    return {};
  llvm::SmallVector<const Expr *, 4> Args = argumentsOf(&Call);
  for (unsigned I = 1; I + 1 < Args.size(); ++I)
    if (const VarDecl *Out = outputContainer(Args[I]);
        Out && isLazyTask(typeArgument(Out->getType(), 0)))
      return {Out, {Args[0], &Call, Args.back()->getType()}};
  return {};
}

/// How the local container \p Var was made from a transform view, when it
/// was: `std::vector<task<>> v(view.begin(), view.end())`, `view |
/// ranges::to<std::vector>()`.
std::optional<Making> madeFromView(const VarDecl &Var,
                                   const NameMatcher &Views) {
  if (!Var.hasLocalStorage() || !Var.getInit() ||
      !isLazyTask(typeArgument(Var.getType(), 0)))
    return std::nullopt;
  const Expr *Init = strip(Var.getInit(), Wrappers::Object);
  for (const Expr *Arg : argumentsOf(Init))
    if (auto [Input, Fn] = viewOf(rangeOfIterator(Arg), Views); Input)
      return Making{Input, Arg, Fn};
  return std::nullopt;
}

} // namespace

llvm::SmallVector<TransformedFanOut, 1>
transformedFanOuts(const Stmt *Body, ASTContext &Ctx,
                   const TransformLists &Lists, const OwnStmts *Own) {
  llvm::SmallVector<TransformedFanOut, 1> Result;
  llvm::DenseMap<const VarDecl *, Making> Filled;
  llvm::SmallVector<const CallExpr *, 2> Combines;
  forEachOwnStmt(Own, Body, [&](const Stmt &S) {
    // Each call described once, from the function's cache when there is one:
    // both questions are about the same call.
    const auto *Call = dyn_cast<CallExpr>(&S);
    std::optional<CallInfo> Scratch;
    const CallInfo *Info = Call ? describeCall(*Call, Own, Scratch) : nullptr;
    if (!Info)
      return;
    if (auto [Var, How] = transformCall(*Call, *Info, Lists.Functions); Var)
      Filled.try_emplace(Var, How);
    if (anyNameMatches(Lists.Combinators, *Info))
      Combines.push_back(Call);
  });
  for (const CallExpr *Combine : Combines)
    for (const Expr *Arg : Combine->arguments()) {
      const VarDecl *Var = outputContainer(Arg);
      std::optional<Making> How;
      if (auto It = Var ? Filled.find(Var) : Filled.end(); It != Filled.end())
        How = It->second;
      else if (std::optional<Making> FromView =
                   Var ? madeFromView(*Var, Lists.Views) : std::nullopt)
        How = FromView;
      else if (auto [Input, Fn] = viewOf(Arg, Lists.Views); Input)
        How = Making{Input, Arg, Fn}, Var = nullptr;
      if (!How || !returnsLazyTask(How->Fn) || fixedInput(How->Input, Ctx) ||
          takesSlot(How->Fn, Lists))
        continue;
      Result.push_back({rangeOfIterator(How->Input), How->Made, Combine, Var});
      break;
    }
  return Result;
}

} // namespace clang::tidy::async::model
