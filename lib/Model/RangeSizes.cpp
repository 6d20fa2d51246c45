//===--- RangeSizes.cpp - async-lint --------------------------------------===//

#include "RangeSizes.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "SetupMembers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

const Expr *countedRange(const Expr *E, unsigned Depth) {
  E = strip(E, Wrappers::Object);
  if (!E || Depth > 4)
    return nullptr;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Method && Method->getIdentifier() && Member->getNumArgs() == 0 &&
        (Method->getName() == "size" || Method->getName() == "length"))
      return Member->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier() && Call->getNumArgs() == 1 &&
        (Callee->getName() == "size" || Callee->getName() == "ssize") &&
        canonicalName(*Callee).rfind("::std::", 0) == 0)
      return Call->getArg(0);
    return nullptr;
  }
  // std::ranges::size is an object whose call operator takes the range.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() == 2) {
    const ValueDecl *Object = namedDecl(Op->getArg(0));
    if (Object && canonicalName(*Object) == "::std::ranges::size")
      return Op->getArg(1);
    return nullptr;
  }
  // A local count made from a range (`auto n = r.size();`).
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
      !Var->getInit())
    return nullptr;
  return countedRange(Var->getInit(), Depth + 1);
}

/// True when every argument of \p Made is an integer constant, or it is made
/// from a braced list: what it holds was fixed when it was written.
bool madeFixed(const Expr *Made, ASTContext &Ctx) {
  Made = strip(Made, Wrappers::Implicit);
  if (isa_and_nonnull<InitListExpr, CXXStdInitializerListExpr>(Made))
    return true;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Made);
  if (!Construct || Construct->getNumArgs() == 0)
    return false;
  return llvm::all_of(Construct->arguments(), [&](const Expr *Arg) {
    Arg = strip(Arg, Wrappers::Implicit);
    if (isa<CXXStdInitializerListExpr, InitListExpr>(Arg))
      return true;
    return Arg->getType()->isIntegerType() && !Arg->isValueDependent() &&
           Arg->isIntegerConstantExpr(Ctx);
  });
}

/// True when \p Body adds to or assigns the data member \p Field.
bool grows(const Stmt *Body, const FieldDecl &Field) {
  auto Names = [&](const Expr *E) {
    const auto *Member =
        dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Syntax));
    return Member && Member->getMemberDecl() == &Field;
  };
  bool Found = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Found)
      return;
    if (auto [Target, Value] = assignmentParts(&S); Target && Names(Target))
      Found = true;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
    if (Method && Method->getIdentifier() && !Method->isConst() &&
        Names(Call->getImplicitObjectArgument()))
      Found = llvm::is_contained({"push_back", "emplace_back", "push_front",
                                  "emplace_front", "push", "emplace", "insert",
                                  "resize", "append", "assign"},
                                 Method->getName());
  });
  return Found;
}

} // namespace

const Expr *countedRange(const Expr *E) { return countedRange(E, 0); }

bool growsWithInput(const Expr *Range) {
  Range = strip(Range, Wrappers::Object);
  // A local taken whole from a data member (`auto in = std::move(_input);`)
  // has the member's size.
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Range))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        isa_and_nonnull<MemberExpr>(strip(Var->getInit(), Wrappers::Object)))
      Range = strip(Var->getInit(), Wrappers::Object);
  const auto *Member = dyn_cast_or_null<MemberExpr>(Range);
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  const auto *Class =
      Field ? dyn_cast<CXXRecordDecl>(Field->getParent()) : nullptr;
  if (!Class)
    return true;
  return llvm::any_of(Class->methods(), [&](const CXXMethodDecl *Method) {
    const FunctionDecl *Definition = Method->getDefinition();
    return Definition && !isa<CXXConstructorDecl>(Method) &&
           grows(Definition->getBody(), *Field) &&
           !setUpMember(*Method, *Field);
  });
}

bool fixedExtent(const Expr *Range, ASTContext &Ctx) {
  if (!Range)
    return false;
  QualType T = Range->getType().getNonReferenceType();
  if (T->isConstantArrayType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  std::string Name = RD ? canonicalName(*RD) : "";
  if (Name == "::std::array" || Name == "::std::initializer_list")
    return true;
  // std::span<T, N>: N is the extent unless it is dynamic_extent (-1).
  if (const auto *Span = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
      Span && Name == "::std::span" && Span->getTemplateArgs().size() == 2 &&
      Span->getTemplateArgs()[1].getKind() == TemplateArgument::Integral &&
      !Span->getTemplateArgs()[1].getAsIntegral().isAllOnes())
    return true;
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(strip(Range, Wrappers::Object));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
         Var->getInit() && madeFixed(Var->getInit(), Ctx);
}

} // namespace clang::tidy::async::model
