//===--- UnitSignals.cpp - async-lint -------------------------------------===//
//
// The index of a unit that LockedSelfWaits asks: who signals each member
// event, who calls each function, what each member field is given.
//
//===----------------------------------------------------------------------===//

#include "CallInfo.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "LockedSelfWaits.h"
#include "NameMatcher.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"

namespace clang::tidy::async::model {

namespace {

class Indexer : public RecursiveASTVisitor<Indexer> {
  using Base = RecursiveASTVisitor<Indexer>;

public:
  Indexer(UnitSignals &U, const EventKnowledge &Know) : U(U), Know(Know) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    bool Own = FD && FD->doesThisDeclarationHaveABody();
    if (Own)
      In.push_back(isLambdaCallOperator(*FD) ? nullptr : FD);
    bool Result = Base::TraverseDecl(D);
    if (Own)
      In.pop_back();
    return Result;
  }
  bool TraverseLambdaExpr(LambdaExpr *L) {
    In.push_back(nullptr);
    bool Result = Base::TraverseLambdaExpr(L);
    In.pop_back();
    return Result;
  }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      U.Calls[Callee->getCanonicalDecl()].push_back(Call);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      signal(*Member);
    assigned(Call);
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    assigned(B);
    return true;
  }
  bool VisitInitListExpr(InitListExpr *Written) {
    // The visit sees the form as written; its members are the semantic's.
    const InitListExpr *List = Written;
    if (!Written->isSemanticForm() && Written->getSemanticForm())
      List = Written->getSemanticForm();
    const auto *Record = List->getType()->getAsCXXRecordDecl();
    if (!Record || Record->isUnion() || Record->getNumBases() != 0)
      return true;
    unsigned I = 0;
    for (const FieldDecl *Field : Record->fields()) {
      if (Field->isUnnamedBitField())
        continue;
      if (I >= List->getNumInits())
        break;
      U.FieldValues[Field].push_back(List->getInit(I++));
    }
    return true;
  }
  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    if (Ctor->isCopyOrMoveConstructor() || !Ctor->hasBody())
      return true;
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (const FieldDecl *Field = Init->getMember())
        U.FieldValues[Field].push_back(Init->getInit());
    return true;
  }

private:
  void signal(const CXXMemberCallExpr &Call) {
    std::optional<CallInfo> Info = describeCall(Call);
    if (!Info || !(anyNameMatches(Know.SignalMembers, *Info) ||
                   anyNameMatches(Know.PromiseSetMembers, *Info)))
      return;
    const auto *Event = dyn_cast_or_null<FieldDecl>(
        namedDecl(Call.getImplicitObjectArgument()));
    if (Event)
      U.Signals[Event].push_back({&Call, In.empty() ? nullptr : In.back()});
  }
  void assigned(const Stmt *S) {
    auto [Target, Value] = assignmentParts(S);
    const auto *Member =
        dyn_cast_or_null<MemberExpr>(Target ? Target->IgnoreParens() : nullptr);
    if (const auto *Field =
            Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr)
      U.FieldValues[Field].push_back(Value);
  }

  UnitSignals &U;
  const EventKnowledge &Know;
  std::vector<const FunctionDecl *> In;
};

} // namespace

UnitSignals indexUnit(ASTContext &Ctx, const EventKnowledge &Know) {
  UnitSignals U;
  Indexer(U, Know).TraverseDecl(Ctx.getTranslationUnitDecl());
  return U;
}

} // namespace clang::tidy::async::model
