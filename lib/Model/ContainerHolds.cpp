//===--- ContainerHolds.cpp - async-lint ----------------------------------===//

#include "ContainerHolds.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "SuspensionFlow.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace clang::tidy::async::model {

namespace {

/// The variable an assignment \p S gives a new value, when it is one.
const Expr *assignedTo(const Stmt &S) {
  if (const auto *Assign = dyn_cast<BinaryOperator>(&S);
      Assign && Assign->getOpcode() == BO_Assign)
    return Assign->getLHS()->IgnoreParenImpCasts();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return Op->getArg(0)->IgnoreParenImpCasts();
  return nullptr;
}

bool refersTo(const Stmt *S, const VarDecl &Var) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S);
  return Ref && Ref->getDecl() == &Var;
}

const VarDecl *referencedVar(const Expr *E) {
  const auto *Ref =
      dyn_cast_or_null<DeclRefExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
}

/// The local iterator \p Var's initialiser copies ('auto It = First;'),
/// when \p Var is no reference to it.
const VarDecl *copiedLocal(const VarDecl &Var) {
  const Expr *Init = Var.getInit();
  if (!Init || Var.getType()->isReferenceType())
    return nullptr;
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    E = Construct->getArg(0);
  const VarDecl *From = referencedVar(E);
  return From && From->hasLocalStorage() ? From : nullptr;
}

/// The variable \p S steps to another element ('++It', 'It += N'), if any.
const VarDecl *steppedVar(const Stmt &S) {
  if (const auto *Unary = dyn_cast<UnaryOperator>(&S))
    return Unary->isIncrementDecrementOp() ? referencedVar(Unary->getSubExpr())
                                           : nullptr;
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(&S))
    return Compound->getOpcode() == BO_AddAssign ||
                   Compound->getOpcode() == BO_SubAssign
               ? referencedVar(Compound->getLHS())
               : nullptr;
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
  if (!Op || Op->getNumArgs() == 0)
    return nullptr;
  switch (Op->getOperator()) {
  case OO_PlusPlus:
  case OO_MinusMinus:
  case OO_PlusEqual:
  case OO_MinusEqual:
    return referencedVar(Op->getArg(0));
  default:
    return nullptr;
  }
}

/// Whether \p RD is a view by the standard's definition (std::ranges::
/// enable_view: derived from std::ranges::view_base or view_interface), or
/// one of \p Views.
bool isViewClass(const CXXRecordDecl &RD, const NameMatcher &Views) {
  if (Views.matches(canonicalName(RD)))
    return true;
  if (!RD.hasDefinition())
    return false;
  return llvm::any_of(RD.bases(), [&](const CXXBaseSpecifier &Base) {
    const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl();
    if (!B)
      return false;
    std::string Name = canonicalName(*B);
    return Name == "::std::ranges::view_base" ||
           Name == "::std::ranges::view_interface" || isViewClass(*B, Views);
  });
}

/// Whether a value of type \p T looks into a range it does not own: a view
/// of \p Views ('std::ranges::ref_view', 'std::span'), or a view whose first
/// template argument is one ('elements_view<ref_view<M>>'). An owning view
/// ('owning_view<M>', 'single_view<M>') holds its own copy.
bool borrowingView(QualType T, const NameMatcher &Views, unsigned Depth = 0) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || Depth > 6 || !isViewClass(*RD, Views))
    return false;
  if (Views.matches(canonicalName(*RD)))
    return true;
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &First = Spec->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type &&
         borrowingView(First.getAsType(), Views, Depth + 1);
}

/// The range a view expression \p E is made from: the left operand of
/// 'R | adaptor', the argument of 'adaptor(R)' or of a view's constructor.
const Expr *viewedRange(const Expr *E) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Pipe && Op->getNumArgs() == 2)
      return Op->getArg(0);
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 2)
      return Op->getArg(1);
    return nullptr;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getNumArgs() > 0 ? Construct->getArg(0) : nullptr;
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return Cast->getSubExpr();
  if (isa<CXXMemberCallExpr>(E))
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getNumArgs() > 0 ? Call->getArg(0) : nullptr;
  return nullptr;
}

/// The member or shared container an element access \p E refers into
/// ('Items.at(K)', 'Items[K]', 'Items.front()'), when it is a reference.
const ValueDecl *accessedElementOf(const Expr *E) {
  if (!E->isGLValue())
    return nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return handsOutReference(Call->getMethodDecl())
               ? containerOf(Call->getImplicitObjectArgument())
               : nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return Op->getOperator() == OO_Subscript ? containerOf(Op->getArg(0))
                                             : nullptr;
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return containerOf(Subscript->getBase());
  return nullptr;
}

/// The member or shared container a range-for over \p Range walks, and what
/// its iterator holds into it (\p H): the container itself ('Items', a
/// walk), one element of it ('Items.at(K)', 'Items[K]': the element), or
/// either through views that borrow it ('Items | std::views::keys',
/// 'std::views::reverse(Items.at(K))').
const ValueDecl *walkedContainer(const Expr *Range, const NameMatcher &Views,
                                 Held &H) {
  const Expr *E = Range;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const ValueDecl *Container = containerOf(E)) {
      H = Held::Walk;
      return Container;
    }
    if (const ValueDecl *Container = accessedElementOf(E)) {
      H = Held::Element;
      return Container;
    }
    if (!borrowingView(E->getType(), Views))
      return nullptr;
    E = viewedRange(E);
  }
  return nullptr;
}

/// The container an awaited call \p S of one of \p Walking walks: its
/// first argument, a range as a range-for's ('Items', 'Items |
/// std::views::keys') or an iterator into a container ('Items.begin()').
std::optional<ContainerHold> algorithmHold(const Stmt &S,
                                           const NameMatcher *Walking,
                                           const NameMatcher &Views) {
  const auto *Await = Walking ? dyn_cast<CoawaitExpr>(&S) : nullptr;
  const auto *Call =
      Await ? dyn_cast<CallExpr>(Await->getOperand()->IgnoreImplicit())
            : nullptr;
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee || Call->getNumArgs() == 0 ||
      !Walking->matches(canonicalName(*Callee)))
    return std::nullopt;
  const Expr *First = Call->getArg(0)->IgnoreImplicit();
  Held H = Held::Walk;
  const ValueDecl *Container = nullptr;
  if (const auto *Begin = dyn_cast<CXXMemberCallExpr>(First);
      Begin && handsOutIterator(Begin->getMethodDecl()))
    Container = containerOf(Begin->getImplicitObjectArgument());
  else
    Container = walkedContainer(First, Views, H);
  if (!Container)
    return std::nullopt;
  return ContainerHold{nullptr, nullptr, Container, H, nullptr, Call, Await};
}

/// The hidden iterator of the range-for \p S, when it holds into a member
/// or shared container (walkedContainer).
std::optional<ContainerHold> loopHold(const Stmt &S, const NameMatcher &Views) {
  const auto *Loop = dyn_cast<CXXForRangeStmt>(&S);
  const DeclStmt *Begin = Loop ? Loop->getBeginStmt() : nullptr;
  const auto *Iterator = Begin && Begin->isSingleDecl()
                             ? dyn_cast<VarDecl>(Begin->getSingleDecl())
                             : nullptr;
  if (!Iterator)
    return std::nullopt;
  Held H = Held::Walk;
  const ValueDecl *Container = walkedContainer(Loop->getRangeInit(), Views, H);
  if (!Container)
    return std::nullopt;
  return ContainerHold{Iterator, Begin, Container, H, Loop};
}

} // namespace

const ValueDecl *elementSource(const VarDecl &Var, Held &H) {
  const Expr *Init = Var.getInit();
  if (!Init)
    return nullptr;
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    E = Construct->getArg(0)->IgnoreImplicit();
  // A reference bound to the element, or its address: the element itself.
  bool Element = Var.getType()->isReferenceType() && Init->isGLValue();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf) {
    E = Unary->getSubExpr()->IgnoreImplicit();
    Element = true;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    H = Element ? Held::Element : Held::Iterator;
    if (handsOutIterator(M) || (Element && handsOutReference(M)))
      return containerOf(Call->getImplicitObjectArgument());
    return nullptr;
  }
  if (!Element)
    return nullptr;
  H = Held::Element;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript)
    return containerOf(Op->getArg(0));
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return containerOf(Subscript->getBase());
  return nullptr;
}

const ValueDecl *viewedContainer(const Expr *Init, const NameMatcher &Views) {
  const Expr *E = Init;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E)) {
      E = Cast->getSubExpr();
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      E = Construct->getNumArgs() > 0 ? Construct->getArg(0) : nullptr;
      continue;
    }
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *M = Call->getMethodDecl();
      if (isa_and_nonnull<CXXConversionDecl>(M)) {
        E = Call->getImplicitObjectArgument();
        continue;
      }
      if (handsOutIterator(M) || handsOutReference(M))
        return containerOf(Call->getImplicitObjectArgument());
      return nullptr;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
      return Op->getOperator() == OO_Subscript ? containerOf(Op->getArg(0))
                                               : nullptr;
    const ValueDecl *Container = containerOf(E);
    const CXXRecordDecl *RD =
        Container ? Container->getType()->getAsCXXRecordDecl() : nullptr;
    if (!RD || Views.matches(canonicalName(*RD)))
      return nullptr;
    return Container;
  }
  return nullptr;
}

llvm::SmallVector<ContainerHold, 4> containerHolds(const Stmt &Body,
                                                   const NameMatcher &Views,
                                                   const OwnStmts *Own,
                                                   const NameMatcher *Walking) {
  // One walk, three lists, joined in the order three walks would give:
  // the elements taken, then the views, then the range-for iterators.
  llvm::SmallVector<ContainerHold, 4> Holds, Viewing, Iterating, Algorithms;
  // The iterators held so far, for the copies made of them.
  llvm::DenseMap<const VarDecl *, const ValueDecl *> Iterators;
  llvm::DenseSet<const VarDecl *> Stepped;
  auto Local = [&](const VarDecl &Var, const DeclStmt &Declaration) {
    Held H = Held::Element;
    const ValueDecl *Container = elementSource(Var, H);
    if (const VarDecl *From = Container ? nullptr : copiedLocal(Var)) {
      Container = Iterators.lookup(From);
      H = Held::Iterator;
    }
    if (Container) {
      Holds.push_back({&Var, &Declaration, Container, H});
      if (H == Held::Iterator)
        Iterators[&Var] = Container;
    }
    if (!matchesClass(Views, Var.getType()->getAsCXXRecordDecl()))
      return;
    if (const ValueDecl *Container = viewedContainer(Var.getInit(), Views))
      Viewing.push_back({&Var, &Declaration, Container, Held::Element});
  };
  forEachOwnStmt(Own, &Body, [&](const Stmt &S) {
    if (const VarDecl *Step = steppedVar(S))
      Stepped.insert(Step);
    if (std::optional<ContainerHold> Hold = algorithmHold(S, Walking, Views))
      return Algorithms.push_back(*Hold);
    if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->hasLocalStorage())
          Local(*VD, *DS);
      return;
    }
    if (std::optional<ContainerHold> Hold = loopHold(S, Views))
      Iterating.push_back(*Hold);
  });
  // An iterator that is stepped walks the container.
  for (ContainerHold &Hold : Holds)
    if (Hold.H == Held::Iterator && Stepped.contains(Hold.Var))
      Hold.H = Held::Walk;
  Holds.append(Viewing.begin(), Viewing.end());
  Holds.append(Iterating.begin(), Iterating.end());
  Holds.append(Algorithms.begin(), Algorithms.end());
  return Holds;
}

LateUse lateUseOfHold(const SuspensionFlow &Flow, const Stmt &Body,
                      const VarDecl &Var, const DeclStmt &Declaration) {
  llvm::DenseSet<const Stmt *> Assignments, Targets;
  forEachOwnStmt(&Body, [&](const Stmt &S) {
    const Expr *Target = assignedTo(S);
    if (refersTo(Target, Var)) {
      Assignments.insert(&S);
      Targets.insert(Target);
    }
  });
  return Flow.firstUseAcross(
      Declaration,
      [&](const Stmt &S) { return refersTo(&S, Var) && !Targets.contains(&S); },
      [&](const Stmt &S) {
        // The declaration run again (in an outer loop) takes a fresh hold.
        return &S == &Declaration || Assignments.contains(&S);
      });
}

} // namespace clang::tidy::async::model
