//===--- StaticLoopBounds.cpp - async-lint --------------------------------===//

#include "StaticLoopBounds.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "RangeSizes.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::tidy::async::model {

namespace {

/// The declarations \p E reads: variables, and members.
void readDecls(const Expr *E, llvm::SmallPtrSetImpl<const Decl *> &Out) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    Out.insert(Ref->getDecl());
  else if (const auto *Member = dyn_cast<MemberExpr>(E))
    Out.insert(Member->getMemberDecl());
  for (const Stmt *Child : E->children())
    if (const auto *Sub = dyn_cast_or_null<Expr>(Child))
      readDecls(Sub, Out);
}

/// The declaration an assignment, increment or non-const member call
/// writes, when \p S is one.
const Decl *writtenDecl(const Stmt &S) {
  const Expr *Target = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(&S); BO && BO->isAssignmentOp())
    Target = BO->getLHS();
  else if (const auto *UO = dyn_cast<UnaryOperator>(&S);
           UO && UO->isIncrementDecrementOp())
    Target = UO->getSubExpr();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
           Op && Op->isAssignmentOp() && Op->getNumArgs() > 0)
    Target = Op->getArg(0);
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
           Call && Call->getMethodDecl() && !Call->getMethodDecl()->isConst())
    Target = Call->getImplicitObjectArgument();
  return Target ? declNamedDirectly(Target) : nullptr;
}

/// True when \p E reads only locals, members and globals that \p For's body
/// and increment leave as is (no parameter but \p Sizing's), and calls
/// nothing but const members (size(), operator->).
bool loopInvariant(const Expr *E, const ForStmt &For,
                   const FunctionDecl *Sizing) {
  bool Calls = false;
  forEachOwnStmt(E, [&](const Stmt &S) {
    if (const auto *Call = dyn_cast<CallExpr>(&S)) {
      const auto *Method =
          dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      Calls |= !Method || !Method->isConst();
    }
  });
  if (Calls)
    return false;
  llvm::SmallPtrSet<const Decl *, 4> Read;
  readDecls(E, Read);
  // A parameter is the caller's input: as far as this function knows, it
  // grows with the load. The size a pool is made with is the exception.
  if (llvm::any_of(Read, [&](const Decl *D) {
        return isa<ParmVarDecl>(D) && D->getDeclContext() != Sizing;
      }))
    return false;
  bool Written = false;
  for (const Stmt *Part :
       {For.getBody(), static_cast<const Stmt *>(For.getInc())})
    forEachOwnStmt(Part, [&](const Stmt &S) {
      if (const Decl *D = writtenDecl(S))
        Written |= Read.contains(D);
    });
  return !Written;
}

/// True when the range class \p RD ends nowhere: a specialisation with
/// std::unreachable_sentinel_t for its end (`iota_view<int,
/// unreachable_sentinel_t>`, what `std::views::iota(0)` makes).
bool endless(const CXXRecordDecl &RD) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD);
  if (!Spec)
    return false;
  return llvm::any_of(Spec->getTemplateArgs().asArray(),
                      [](const TemplateArgument &Arg) {
                        return Arg.getKind() == TemplateArgument::Type &&
                               canonicalTypeName(Arg.getAsType()) ==
                                   "::std::unreachable_sentinel_t";
                      });
}

} // namespace

const Stmt *loopBody(const Stmt &Loop) {
  if (const auto *For = dyn_cast<ForStmt>(&Loop))
    return For->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(&Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(&Loop))
    return Do->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return Range->getBody();
  return nullptr;
}

bool fixedSizeRange(const Expr *Range, ASTContext &Ctx) {
  if (!Range)
    return false;
  QualType T = Range->getType().getNonReferenceType();
  if (T->isConstantArrayType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = canonicalName(*RD);
  if (Name == "::std::initializer_list" || Name == "::std::array")
    return true;
  // A range without an end (`std::views::iota(0)`) has no count at all.
  if (endless(*RD))
    return false;
  // A range made from constants and globals (iota(0, 4), irange(0,
  // smp::count)): a count the program fixes, not input that grows.
  const Expr *Made = strip(Range, Wrappers::Object);
  llvm::SmallVector<const Expr *, 3> Args;
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Made)) {
    // A function object (std::views::iota is one): its call operator's
    // first argument is the object, not a bound.
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
    unsigned Skip = Op && Op->getOperator() == OO_Call ? 1 : 0;
    Args.append(Call->arg_begin() + std::min(Skip, Call->getNumArgs()),
                Call->arg_end());
  } else if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Made)) {
    Args.append(Construct->arg_begin(), Construct->arg_end());
  }
  if (Args.empty())
    return false;
  return llvm::all_of(Args, [&](const Expr *Arg) {
    Arg = Arg->IgnoreParenImpCasts();
    if (!Arg->getType()->isIntegerType())
      return false;
    if (!Arg->isValueDependent() && Arg->isIntegerConstantExpr(Ctx))
      return true;
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
    const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return Var && Var->hasGlobalStorage() && !Var->isStaticLocal();
  });
}

bool leftAlone(const Stmt *Body, const VarDecl &V) {
  bool Written = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    Written |= writtenDecl(S) == &V;
    if (const auto *Addr = dyn_cast<UnaryOperator>(&S);
        Addr && Addr->getOpcode() == UO_AddrOf)
      Written |= declNamedDirectly(Addr->getSubExpr()) == &V;
  });
  return !Written;
}

bool boundedCount(const Expr *E, ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (!E->isValueDependent() && E->isIntegerConstantExpr(Ctx))
    return true;
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == "min" &&
         llvm::any_of(Call->arguments(),
                      [&](const Expr *Arg) { return boundedCount(Arg, Ctx); });
}

namespace {

/// True when \p For steps the integer \p I by one each round (`++i`,
/// `i--`) and its body never writes \p I: the counter then passes every
/// value between its start and its bound, so `i != k` stops the loop as
/// `i < k` does.
bool stepsByOne(const ForStmt &For, const VarDecl &I) {
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(
      For.getInc() ? For.getInc()->IgnoreParenImpCasts() : nullptr);
  if (!I.getType()->isIntegerType() || !Inc || !Inc->isIncrementDecrementOp() ||
      declNamedDirectly(Inc->getSubExpr()) != &I)
    return false;
  return leftAlone(For.getBody(), I);
}

/// The variable \p E names, when it is \p For's own (declared in its
/// init statement).
const VarDecl *ownCounter(const Expr *E, const ForStmt &For) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Init = dyn_cast_or_null<DeclStmt>(For.getInit());
  const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return V && Init && llvm::is_contained(Init->decls(), V) ? V : nullptr;
}

/// True when \p For walks an iterator one element a round up to a range's
/// end (`for (auto it = next(r.begin()); it < r.end(); advance(it, 1))`,
/// `it != r.end(); ++it`), which runs at most once per element of the
/// range, as a range-based for over it does: bounded when the range is
/// (fixed, or a data member only the set-up members fill). The body must
/// leave the iterator alone.
bool boundedIteratorWalk(const ForStmt &For, ASTContext &Ctx) {
  // `it < end`, also rewritten from `<=>` (C++20's library iterators).
  const Expr *Cond = For.getCond()->IgnoreParenImpCasts();
  const Expr *Left = nullptr, *Right = nullptr;
  bool Less = false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
      Op && Op->getNumArgs() == 2) {
    Less = Op->getOperator() == OO_Less || Op->getOperator() == OO_ExclaimEqual;
    Left = Op->getArg(0), Right = Op->getArg(1);
  } else if (const auto *Bin = dyn_cast<BinaryOperator>(Cond)) {
    Less = Bin->getOpcode() == BO_LT || Bin->getOpcode() == BO_NE;
    Left = Bin->getLHS(), Right = Bin->getRHS();
  } else if (const auto *Re = dyn_cast<CXXRewrittenBinaryOperator>(Cond);
             Re && !Re->isReversed()) {
    Less = Re->getOpcode() == BO_LT || Re->getOpcode() == BO_NE;
    Left = Re->getLHS(), Right = Re->getRHS();
  }
  if (!Less || !Left || !Right)
    return false;
  const VarDecl *It = ownCounter(Left, For);
  const auto *End = dyn_cast<CXXMemberCallExpr>(
      strip(Right, Wrappers::Object)->IgnoreParenImpCasts());
  const CXXMethodDecl *EndFn = End ? End->getMethodDecl() : nullptr;
  if (!It || !EndFn || !EndFn->getIdentifier() ||
      (EndFn->getName() != "end" && EndFn->getName() != "cend"))
    return false;
  // One step a round: `++it`, `it++`, `std::advance(it, 1)`.
  const Expr *Inc =
      For.getInc() ? For.getInc()->IgnoreParenImpCasts() : nullptr;
  bool OneStep = false;
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Inc))
    OneStep = Op->getOperator() == OO_PlusPlus &&
              ownCounter(Op->getArg(0), For) == It;
  else if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(Inc))
    OneStep =
        Unary->isIncrementOp() && ownCounter(Unary->getSubExpr(), For) == It;
  else if (const auto *Call = dyn_cast_or_null<CallExpr>(Inc)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const Expr *Step = Call->getNumArgs() == 2 ? Call->getArg(1) : nullptr;
    std::optional<llvm::APSInt> One = Step && !Step->isValueDependent()
                                          ? Step->getIntegerConstantExpr(Ctx)
                                          : std::nullopt;
    OneStep = Callee && canonicalName(*Callee) == "::std::advance" &&
              ownCounter(Call->getArg(0), For) == It && One && *One == 1;
  }
  if (!OneStep || !leftAlone(For.getBody(), *It))
    return false;
  const Expr *Range = End->getImplicitObjectArgument();
  return fixedSizeRange(Range, Ctx) || !growsWithInput(Range);
}

/// True when the count \p N, evaluated once before a loop, bounds it: a
/// range of fixed size's count, or an expression that reads no parameter
/// (but \p Sizing's) and no range that grows with input.
bool reservedBound(const Expr *N, ASTContext &Ctx, const FunctionDecl *Sizing) {
  const Expr *Counted = countedRange(N);
  if (Counted && (fixedSizeRange(Counted, Ctx) || fixedExtent(Counted, Ctx)))
    return true;
  llvm::SmallPtrSet<const Decl *, 4> Read;
  readDecls(N, Read);
  if (llvm::any_of(Read, [&](const Decl *D) {
        return isa<ParmVarDecl>(D) && D->getDeclContext() != Sizing;
      }))
    return false;
  return Sizing || !Counted || !growsWithInput(Counted);
}

/// True when \p S, a statement of a loop's body or increment, uses the
/// vector \p C only to read it (a const member) or to add one element
/// (`push_back`, `emplace_back`), counted in \p Adds, outside any nested
/// loop or lambda (\p Nested): each round then adds at most one element
/// per such call.
bool addsAtMostOnce(const Stmt *S, const VarDecl &C, bool Nested,
                    unsigned &Adds) {
  if (!S)
    return true;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      Call && declNamedDirectly(Call->getImplicitObjectArgument()) == &C) {
    const CXXMethodDecl *M = Call->getMethodDecl();
    bool Adding =
        M && M->getIdentifier() &&
        (M->getName() == "push_back" || M->getName() == "emplace_back");
    if (!M || (!M->isConst() && (!Adding || Nested)))
      return false;
    Adds += Adding;
    return llvm::all_of(Call->arguments(), [&](const Expr *Arg) {
      return addsAtMostOnce(Arg, C, Nested, Adds);
    });
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == &C)
    return false;
  Nested |= isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, LambdaExpr>(S);
  return llvm::all_of(S->children(), [&](const Stmt *Child) {
    return addsAtMostOnce(Child, C, Nested, Adds);
  });
}

/// The count \p For's limit \p Limit stands for when it is the capacity()
/// of a local std::vector declared empty, reserved with `c.reserve(n)` (the
/// only use of it between its declaration and the loop, in the loop's
/// block), and grown by at most one element a round while the counter
/// \p I, starting at a constant of at least zero, goes up by one: the
/// vector never outgrows what was reserved, so its capacity stays fixed and
/// the loop runs at most n rounds. That n, evaluated once before the loop;
/// null otherwise.
const Expr *reservedCount(const Expr *Limit, const VarDecl &I,
                          const ForStmt &For, ASTContext &Ctx) {
  const auto *Cap = dyn_cast<CXXMemberCallExpr>(Limit->IgnoreParenImpCasts());
  const CXXMethodDecl *M = Cap ? Cap->getMethodDecl() : nullptr;
  const auto *C = M && M->getIdentifier() && M->getName() == "capacity"
                      ? dyn_cast_or_null<VarDecl>(
                            declNamedDirectly(Cap->getImplicitObjectArgument()))
                      : nullptr;
  const auto *Empty =
      C ? dyn_cast_or_null<CXXConstructExpr>(C->getInit()) : nullptr;
  const auto *Start = dyn_cast_or_null<DeclStmt>(For.getInit());
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(For.getInc());
  std::optional<llvm::APSInt> From =
      I.getInit() && !I.getInit()->isValueDependent()
          ? I.getInit()->getIntegerConstantExpr(Ctx)
          : std::nullopt;
  if (!Empty || Empty->getNumArgs() != 0 || !C->hasLocalStorage() ||
      canonicalTypeName(C->getType()) != "::std::vector" || !Start ||
      !llvm::is_contained(Start->decls(), &I) || !From || From->isNegative() ||
      !Inc || !Inc->isIncrementOp() ||
      declNamedDirectly(Inc->getSubExpr()) != &I ||
      !leftAlone(For.getBody(), I))
    return nullptr;
  unsigned Adds = 0;
  if (!addsAtMostOnce(For.getBody(), *C, false, Adds) || Adds > 1)
    return nullptr;
  DynTypedNodeList Up = Ctx.getParents(For);
  const auto *Block = Up.size() == 1 ? Up[0].get<CompoundStmt>() : nullptr;
  if (!Block)
    return nullptr;
  // From the declaration to the loop: statements that leave C alone, and
  // its reservation.
  const Expr *Reserved = nullptr;
  bool Declared = false;
  for (const Stmt *S : Block->body()) {
    if (S == &For)
      return Declared ? Reserved : nullptr;
    if (const auto *D = dyn_cast<DeclStmt>(S);
        D && llvm::is_contained(D->decls(), C)) {
      Declared = true;
      continue;
    }
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    const CXXMethodDecl *Member = Call ? Call->getMethodDecl() : nullptr;
    unsigned None = 0;
    if (Declared && Member && Member->getIdentifier() &&
        Member->getName() == "reserve" && Call->getNumArgs() == 1 &&
        declNamedDirectly(Call->getImplicitObjectArgument()) == C)
      Reserved = Call->getArg(0);
    else if (Declared && (!addsAtMostOnce(S, *C, false, None) || None))
      return nullptr;
  }
  return nullptr;
}

/// True when the comparison \p Cond, a condition of \p For or one of its
/// conjuncts, bounds the loop: a counter against a constant, main's
/// argument count, a fixed range's size or a bound the loop leaves as is.
bool boundingComparison(const BinaryOperator &Cond, const ForStmt &For,
                        ASTContext &Ctx, const FunctionDecl *Sizing) {
  // A counter compared with a bound that the loop does not change: the
  // number of iterations is fixed when the loop starts.
  auto Counter = [](const Expr *E) -> const VarDecl * {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  };
  const VarDecl *I = Counter(Cond.getLHS());
  const Expr *Limit = Cond.getRHS();
  if (!I) {
    I = Counter(Cond.getRHS());
    Limit = Cond.getLHS();
  }
  // `i != k` bounds the loop only when i reaches k one step at a time.
  if (!Cond.isRelationalOp() &&
      (Cond.getOpcode() != BO_NE || !I || !stepsByOne(For, *I)))
    return false;
  // A constant, or the command line's argument count: the operator's
  // choice, not input that grows under load.
  auto Bound = [&](const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (!E->isValueDependent() && E->isIntegerConstantExpr(Ctx))
      return true;
    const auto *Ref = dyn_cast<DeclRefExpr>(E);
    const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    const auto *Main =
        Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
    return Main && Main->isMain() && Param->getFunctionScopeIndex() == 0;
  };
  if (Bound(Cond.getLHS()) || Bound(Cond.getRHS()))
    return true;
  if (!I || !For.getInc())
    return false;
  // `i < c.capacity()` after `c.reserve(n)`: the count is n, evaluated once
  // before the loop as a local's initialiser is (calls and all).
  bool Below = Cond.getOpcode() == BO_NE ||
               (Cond.getOpcode() == BO_LT && Limit == Cond.getRHS()) ||
               (Cond.getOpcode() == BO_GT && Limit == Cond.getLHS());
  if (const Expr *Reserved =
          Below ? reservedCount(Limit, *I, For, Ctx) : nullptr)
    return Bound(Reserved) || reservedBound(Reserved, Ctx, Sizing);
  // An index loop over a range (`i < r.size()`, `i < n` with `n =
  // r.size()`) runs once per element, as a range-based for over it does:
  // bounded only when the range's size is fixed, also when it is a
  // parameter (`std::span<T, 4>`). Where a pool is sized, what the
  // function is given is the bound.
  const Expr *Counted = countedRange(Limit);
  bool Fixed =
      Counted && (fixedSizeRange(Counted, Ctx) || fixedExtent(Counted, Ctx));
  if (Fixed)
    return true;
  return loopInvariant(Limit, For, Sizing) &&
         (Sizing || !Counted || !growsWithInput(Counted));
}

} // namespace

/// True when \p Loop runs a number of times fixed before it starts: a
/// range-based for over an array or an initializer list, or a counting for
/// loop against a constant, main's argc, or a bound the loop does not
/// change. A condition that is a conjunction stops the loop no later than
/// any of its parts (`i < v.size() && !found`): one bounding part bounds it.
bool staticallyBounded(const Stmt &Loop, ASTContext &Ctx,
                       const FunctionDecl *Sizing) {
  // A range-based for runs once per element, as an index loop over the
  // same range does: bounded by a fixed size, or by a data member that only
  // the constructors fill (the size the object was made with).
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return fixedSizeRange(Range->getRangeInit(), Ctx) ||
           !growsWithInput(Range->getRangeInit());
  const auto *For = dyn_cast<ForStmt>(&Loop);
  if (!For || !For->getCond())
    return false;
  if (boundedIteratorWalk(*For, Ctx))
    return true;
  llvm::SmallVector<const Expr *, 4> Parts{For->getCond()};
  while (!Parts.empty()) {
    const auto *Part =
        dyn_cast<BinaryOperator>(Parts.pop_back_val()->IgnoreParenImpCasts());
    if (!Part)
      continue;
    if (Part->getOpcode() == BO_LAnd) {
      Parts.push_back(Part->getLHS());
      Parts.push_back(Part->getRHS());
    } else if (boundingComparison(*Part, *For, Ctx, Sizing)) {
      return true;
    }
  }
  return false;
}

} // namespace clang::tidy::async::model
