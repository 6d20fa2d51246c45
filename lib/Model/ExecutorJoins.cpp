//===--- ExecutorJoins.cpp - async-lint -----------------------------------===//

#include "ExecutorJoins.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "MustUse.h"
#include "NameMatcher.h"
#include "StatementPath.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

namespace {

enum class Holding { None, Object, Unique, Shared };

/// How a local of type \p T holds a joining executor.
Holding holding(QualType T, const NameMatcher &Joining) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || T->isReferenceType())
    return Holding::None;
  if (isJoiningClass(RD, Joining))
    return Holding::Object;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || !Spec->isInStdNamespace() || Spec->getTemplateArgs().size() < 1)
    return Holding::None;
  const TemplateArgument &Arg = Spec->getTemplateArgs()[0];
  if (Arg.getKind() != TemplateArgument::Type ||
      !isJoiningClass(Arg.getAsType()->getAsCXXRecordDecl(), Joining))
    return Holding::None;
  if (Spec->getName() == "unique_ptr")
    return Holding::Unique;
  if (Spec->getName() == "shared_ptr")
    return Holding::Shared;
  return Holding::None;
}

/// The local variable the object of a member call names: `pool.f()`,
/// `ptr->f()`, `(*ptr).f()`.
const VarDecl *objectVar(const CXXMemberCallExpr &Call) {
  const Expr *Object =
      strip(Call.getImplicitObjectArgument(), Wrappers::Syntax);
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Object);
      Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
      Op->getNumArgs() >= 1)
    Object = strip(Op->getArg(0), Wrappers::Syntax);
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) ? Var
                                                                 : nullptr;
}

/// True when the smart pointer \p Var is only dereferenced in \p Body: no
/// copy, move, reset or hand-off lets another owner keep the executor (or
/// end it early).
bool onlyDereferenced(const VarDecl &Var, const Stmt &Body) {
  bool Only = true;
  llvm::SmallPtrSet<const Expr *, 8> Dereferenced;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
        Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) &&
        Op->getNumArgs() >= 1)
      Dereferenced.insert(strip(Op->getArg(0), Wrappers::Syntax));
  });
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    if (Ref && Ref->getDecl() == &Var && !Dereferenced.contains(Ref))
      Only = false;
  });
  return Only;
}

/// True when the shared pointer \p Var starts as the only owner of a new
/// executor: std::make_shared, std::allocate_shared or a new-expression.
bool ownsNewObject(const VarDecl &Var) {
  const Expr *Init = strip(Var.getInit(), Wrappers::Implicit);
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
      Construct && Construct->getNumArgs() == 1)
    Init = strip(Construct->getArg(0), Wrappers::Implicit);
  if (isa_and_nonnull<CXXNewExpr>(Init))
    return true;
  const auto *Call = dyn_cast_or_null<CallExpr>(Init);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         (Callee->getName() == "make_shared" ||
          Callee->getName() == "allocate_shared");
}

/// A join of \p Executor: \p S is (around implicit nodes) a member call in
/// \p Joins on it.
const CallExpr *joinOf(const Stmt *S, const VarDecl &Executor,
                       const NameMatcher &Joins) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  const auto *Call =
      E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreImplicit()) : nullptr;
  if (!Call || objectVar(*Call) != &Executor)
    return nullptr;
  std::optional<CallInfo> Info = describeCall(*Call);
  return Info && anyNameMatches(Joins, *Info) ? Call : nullptr;
}

/// True when \p Block declares \p Var as one of its own statements.
bool declares(const CompoundStmt &Block, const VarDecl &Var) {
  return llvm::any_of(Block.body(), [&](const Stmt *S) {
    const auto *Decls = dyn_cast_or_null<DeclStmt>(S);
    return Decls && llvm::is_contained(Decls->decls(), &Var);
  });
}

/// The join of \p Executor that every path from the last statement of
/// \p Path to the end of \p Dying's scope runs; null when there is none.
const CallExpr *joinOnEveryPath(llvm::ArrayRef<const Stmt *> Path,
                                const VarDecl &Executor, const VarDecl &Dying,
                                const NameMatcher &Joins) {
  for (size_t I = Path.size() - 1; I-- > 0;) {
    const auto *Block = dyn_cast<CompoundStmt>(Path[I]);
    if (!Block)
      continue;
    const Stmt *const *It = llvm::find(Block->body(), Path[I + 1]);
    for (++It; It != Block->body_end(); ++It) {
      if (const CallExpr *Join = joinOf(*It, Executor, Joins))
        return Join;
      if (mayLeave(*It))
        return nullptr;
    }
    if (declares(*Block, Dying))
      return nullptr;
  }
  return nullptr;
}

} // namespace

std::optional<ExecutorJoin> executorJoinedBefore(const Stmt &Body,
                                                 const CallExpr &Call,
                                                 const VarDecl &Dying,
                                                 const ExecutorKnowledge &K) {
  const auto *Spawn = dyn_cast<CXXMemberCallExpr>(&Call);
  std::optional<CallInfo> Info =
      Spawn ? describeCall(*Spawn) : std::optional<CallInfo>();
  const VarDecl *Executor =
      Info && anyNameMatches(K.Spawns, *Info) ? objectVar(*Spawn) : nullptr;
  if (!Executor || Executor == &Dying)
    return std::nullopt;
  Holding H = holding(Executor->getType(), K.Joining);
  if (H == Holding::None ||
      (H != Holding::Object && !onlyDereferenced(*Executor, Body)) ||
      (H == Holding::Shared && !ownsNewObject(*Executor)))
    return std::nullopt;
  llvm::SmallVector<const Stmt *, 16> Path;
  if (!pathTo(&Body, Spawn, Path))
    return std::nullopt;
  // Destroyed first: declared after Dying, in Dying's block or one within.
  const SourceManager &SM = Dying.getASTContext().getSourceManager();
  for (const Stmt *S : Path) {
    const auto *Block = dyn_cast<CompoundStmt>(S);
    if (!Block || !declares(*Block, Dying))
      continue;
    SourceLocation ExecutorAt = SM.getExpansionLoc(Executor->getLocation());
    if (SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Dying.getLocation()),
                                     ExecutorAt) &&
        SM.isPointWithin(ExecutorAt, SM.getExpansionLoc(Block->getBeginLoc()),
                         SM.getExpansionLoc(Block->getEndLoc())))
      return ExecutorJoin{Executor, nullptr};
  }
  if (const CallExpr *Join = joinOnEveryPath(Path, *Executor, Dying, K.Joins))
    return ExecutorJoin{Executor, Join};
  return std::nullopt;
}

bool isJoiningClass(const CXXRecordDecl *RD, const NameMatcher &Joining,
                    unsigned Depth) {
  if (!RD || !RD->hasDefinition() || Depth > 4)
    return false;
  RD = RD->getDefinition();
  if (Joining.matches(canonicalName(*RD)))
    return true;
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &Base) {
    return isJoiningClass(Base.getType()->getAsCXXRecordDecl(), Joining,
                          Depth + 1);
  });
}

} // namespace clang::tidy::async::model
