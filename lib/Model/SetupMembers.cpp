//===--- SetupMembers.cpp - async-lint ------------------------------------===//

#include "SetupMembers.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include <optional>

namespace clang::tidy::async::model {

namespace {

/// The data member of the object itself that \p E names (`flag_`,
/// `this->flag_`).
const FieldDecl *ownField(const Expr *E) {
  const auto *Member =
      dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Implicit));
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

/// The value of the constant \p E: an enumerator, an integer or a bool.
std::optional<int64_t> constantValue(const Expr *E, const ASTContext &Ctx) {
  const Expr *Bare = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Bare))
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(Ref->getDecl()))
      return Enumerator->getInitVal().getExtValue();
  return integerConstant(E, Ctx);
}

/// The guard of a member that runs once: the flag an `if` that leaves the
/// function tests, and the value it lets through.
struct Guard {
  const IfStmt *If = nullptr;
  const FieldDecl *Flag = nullptr;
  int64_t Passes = 0;
};

/// True when \p S ends in leaving the function (a return, a co_return).
bool leavesFunction(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    S = Block->body_empty() ? nullptr : Block->body_back();
  return isa_and_nonnull<ReturnStmt, CoreturnStmt>(S);
}

std::optional<Guard> guardOf(const IfStmt &If, const ASTContext &Ctx) {
  if (!leavesFunction(If.getThen()) || If.getElse() || If.hasInitStorage())
    return std::nullopt;
  const Expr *Cond = If.getCond();
  if (const FieldDecl *Flag = ownField(Cond))
    return Guard{&If, Flag, 0}; // if (started_) return;
  std::optional<Equality> Test = equalityParts(Cond);
  if (!Test || Test->Equal)
    return std::nullopt;
  for (auto [Side, Other] :
       {std::pair(Test->LHS, Test->RHS), std::pair(Test->RHS, Test->LHS)})
    if (const FieldDecl *Flag = ownField(Side))
      if (std::optional<int64_t> Value = constantValue(Other, Ctx))
        return Guard{&If, Flag, *Value}; // if (flag_ != init) return;
  return std::nullopt;
}

/// The assignments to \p Flag in \p Body: whether one is there, and whether
/// every one stores a constant other than \p Passes.
std::pair<bool, bool> flagStores(const Stmt *Body, const FieldDecl &Flag,
                                 int64_t Passes, const ASTContext &Ctx) {
  bool Any = false, Away = true;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    auto [Target, Value] = assignmentParts(&S);
    if (!Target || ownField(Target) != &Flag)
      return;
    Any = true;
    std::optional<int64_t> Stored = constantValue(Value, Ctx);
    Away &= Stored && *Stored != Passes;
  });
  return {Any, Away};
}

/// True when \p Method's body may change \p Field: it mentions it, calls a
/// non-const member of its class, or is not in sight.
bool mayChange(const CXXMethodDecl &Method, const FieldDecl &Field) {
  const FunctionDecl *Def = Method.getDefinition();
  if (!Def || !Def->getBody())
    return true;
  bool Changes = false;
  forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    const auto *Member = dyn_cast<MemberExpr>(&S);
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Callee = Call ? Call->getMethodDecl() : nullptr;
    Changes |= (Member && Member->getMemberDecl() == &Field) ||
               (Callee && !Callee->isConst() &&
                Callee->getParent() == Method.getParent());
  });
  return Changes;
}

/// True when something in \p Body before the end of \p If (also in its
/// branch, which a second run takes) may change \p Field: a store to it, a
/// non-const member call on it, or a call of a member of the class that may
/// change it (mayChange).
bool changesBefore(const Stmt *Body, const IfStmt &If, const FieldDecl &Field,
                   const CXXRecordDecl &Class, const SourceManager &SM) {
  bool Changes = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Changes ||
        !SM.isBeforeInTranslationUnit(S.getBeginLoc(), If.getEndLoc()))
      return;
    if (auto [Target, Value] = assignmentParts(&S);
        Target && ownField(Target) == &Field)
      Changes = true;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Callee = Call ? Call->getMethodDecl() : nullptr;
    if (!Callee || Callee->isConst())
      return;
    Changes |= Callee->getParent() == &Class
                   ? mayChange(*Callee, Field)
                   : ownField(Call->getImplicitObjectArgument()) == &Field;
  });
  return Changes;
}

bool runsOnce(const CXXMethodDecl &Method, const FieldDecl &Field) {
  const FunctionDecl *Definition = Method.getDefinition();
  const Stmt *Body = Definition ? Definition->getBody() : nullptr;
  const CXXRecordDecl *Class = Method.getParent();
  if (!Body)
    return false;
  ASTContext &Ctx = Method.getASTContext();
  std::optional<Guard> Found;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *If = dyn_cast<IfStmt>(&S); If && !Found)
      Found = guardOf(*If, Ctx);
  });
  if (!Found ||
      changesBefore(Body, *Found->If, Field, *Class, Ctx.getSourceManager()))
    return false;
  if (!flagStores(Body, *Found->Flag, Found->Passes, Ctx).first)
    return false;
  // No member but a constructor sets the flag back.
  return llvm::all_of(Class->methods(), [&](const CXXMethodDecl *Other) {
    const FunctionDecl *Def = Other->getDefinition();
    return !Def || isa<CXXConstructorDecl>(Other) ||
           flagStores(Def->getBody(), *Found->Flag, Found->Passes, Ctx).second;
  });
}

/// The mentions of a member function in the bodies of its class's members.
class MentionFinder : public RecursiveASTVisitor<MentionFinder> {
public:
  explicit MentionFinder(const CXXMethodDecl &Target, bool ByName = false)
      : Target(Target), ByName(ByName) {}
  bool same(const NamedDecl *D) const {
    return ByName ? D->getDeclName() == Target.getDeclName()
                  : D->getCanonicalDecl() == Target.getCanonicalDecl();
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *Member) {
    if (ByName && Member->getMember() == Target.getDeclName())
      Mentions.push_back({Member, true});
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    ++InLambda;
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(Lambda);
    --InLambda;
    return Result;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    if (Member->getMemberDecl()->getCanonicalDecl() ==
        Target.getCanonicalDecl())
      Mentions.push_back({Member, InLambda > 0});
    return true;
  }
  bool VisitUnresolvedMemberExpr(UnresolvedMemberExpr *Member) {
    for (const NamedDecl *D : Member->decls())
      if (same(D))
        Mentions.push_back({Member, InLambda > 0});
    return true;
  }
  llvm::SmallVector<std::pair<const Expr *, bool>, 4> Mentions;

private:
  const CXXMethodDecl &Target;
  bool ByName;
  unsigned InLambda = 0;
};

/// True when every mention of \p Method in its class's members is a direct
/// call from a set-up member, and there is one.
bool calledOnlyInSetUp(const CXXMethodDecl &Method, const FieldDecl &Field,
                       unsigned Depth) {
  ASTContext &Ctx = Method.getASTContext();
  bool Any = false;
  for (const CXXMethodDecl *Caller : Method.getParent()->methods()) {
    const FunctionDecl *Def = Caller->getDefinition();
    // A member of a class template's specialization not instantiated here:
    // its pattern must not name the member (a constructor may).
    const FunctionDecl *Pattern = Caller->getTemplateInstantiationPattern();
    if ((!Def || !Def->getBody()) && Pattern && Pattern->getBody() &&
        !isa<CXXConstructorDecl>(Caller)) {
      MentionFinder Named(Method, /*ByName=*/true);
      Named.TraverseStmt(Pattern->getBody());
      if (!Named.Mentions.empty())
        return false;
    }
    if (!Def || !Def->getBody())
      continue;
    MentionFinder Finder(Method);
    Finder.TraverseStmt(Def->getBody());
    for (auto [Mention, InLambda] : Finder.Mentions) {
      DynTypedNodeList Up = Ctx.getParents(*Mention);
      const auto *Call = Up.size() == 1 ? Up[0].get<CallExpr>() : nullptr;
      if (InLambda || !Call || Call->getCallee() != Mention)
        return false;
    }
    if (Finder.Mentions.empty())
      continue;
    if (Caller == &Method || !setUpMember(*Caller, Field, Depth + 1))
      return false;
    Any = true;
  }
  return Any;
}

} // namespace

bool setUpMember(const CXXMethodDecl &Method, const FieldDecl &Field,
                 unsigned Depth) {
  if (isa<CXXConstructorDecl>(Method))
    return true;
  if (Depth > 3 || Method.isVirtual())
    return false;
  if (runsOnce(Method, Field))
    return true;
  return Method.getAccess() == AS_private &&
         !Method.getDescribedFunctionTemplate() &&
         calledOnlyInSetUp(Method, Field, Depth);
}

} // namespace clang::tidy::async::model
