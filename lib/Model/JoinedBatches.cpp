//===--- JoinedBatches.cpp - async-lint -----------------------------------===//

#include "JoinedBatches.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "ExpressionContext.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "StaticLoopBounds.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

/// The local variable \p E names directly (not a parameter).
const VarDecl *localNamed(const Expr *E) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(strip(E, Wrappers::Implicit));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) ? Var
                                                                 : nullptr;
}

/// True when \p Add adds an element to its object (push_back, emplace, ...).
bool adds(const CXXMemberCallExpr &Add) {
  const CXXMethodDecl *Method = Add.getMethodDecl();
  return Method && Method->getIdentifier() &&
         llvm::is_contained(
             {"push_back", "emplace_back", "push", "insert", "emplace"},
             Method->getName());
}

/// The local container the task \p Spawn makes is put in: `c[i] = spawn`,
/// `c.push_back(spawn)`, `c.emplace_back(spawn)`, or the one \p Spawn adds
/// to (`threads.emplace_back(f)`); null otherwise.
const VarDecl *storedIn(const CallExpr &Spawn, ASTContext &Ctx) {
  // The spawn is the insertion: a thread made in a container of threads.
  if (const auto *Add = dyn_cast<CXXMemberCallExpr>(&Spawn); Add && adds(*Add))
    return localNamed(Add->getImplicitObjectArgument());
  auto [Parent, Object] = holderOf(Spawn, Ctx, 8);
  if (const auto *Add = dyn_cast_or_null<CXXMemberCallExpr>(Parent))
    return adds(*Add) && llvm::is_contained(Add->arguments(), Object)
               ? localNamed(Add->getImplicitObjectArgument())
               : nullptr;
  const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(Parent);
  if (!Assign || Assign->getOperator() != OO_Equal ||
      Assign->getNumArgs() != 2 || Assign->getArg(1) != Object)
    return nullptr;
  const Expr *Slot = strip(Assign->getArg(0), Wrappers::Syntax);
  if (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(Slot);
      Sub && Sub->getOperator() == OO_Subscript)
    return localNamed(Sub->getArg(0));
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Slot))
    return localNamed(Sub->getBase());
  return nullptr;
}

/// The local container \p Arg hands over whole: itself, or its begin, end,
/// data or size.
const VarDecl *containerNamed(const Expr *Arg) {
  const Expr *E = strip(Arg, Wrappers::Implicit);
  if (const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (!Method || !Method->getIdentifier() ||
        !llvm::is_contained({"begin", "end", "cbegin", "cend", "data", "size"},
                            Method->getName()))
      return nullptr;
    E = Member->getImplicitObjectArgument();
  }
  return localNamed(E);
}

/// The container the statement \p S joins as a whole: a call of \p Joins
/// (blocking, returning nothing, or awaited) or of \p Combinators
/// (awaited), given only that container.
const VarDecl *joinOf(const Stmt &S, const NameMatcher &Joins,
                      const NameMatcher &Combinators) {
  const auto *E = dyn_cast<Expr>(&S);
  // `auto res = co_await collectAll(std::move(v));`
  if (const auto *Decl = dyn_cast<DeclStmt>(&S); Decl && Decl->isSingleDecl())
    if (const auto *Var = dyn_cast<VarDecl>(Decl->getSingleDecl()))
      E = Var->getInit();
  E = strip(E, Wrappers::Syntax);
  const auto *Await = dyn_cast_or_null<CoawaitExpr>(E);
  if (Await)
    E = Await->getOperand();
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E, Wrappers::Object));
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  if (!Info || !(anyNameMatches(Joins, *Info) ||
                 (Await && anyNameMatches(Combinators, *Info))))
    return nullptr;
  if (!Await && !Call->getType()->isVoidType())
    return nullptr;
  const VarDecl *Container = nullptr;
  for (const Expr *Arg : Call->arguments()) {
    if (isa<CXXDefaultArgExpr>(Arg))
      continue;
    const VarDecl *Named = containerNamed(Arg);
    if (!Named || (Container && Named != Container))
      return nullptr;
    Container = Named;
  }
  return Container;
}

/// True when \p S may leave the block it is in: a return, co_return, goto
/// or throw, or a break or continue outside a loop or switch of its own.
bool leaves(const Stmt *S, bool Nested = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt, CoreturnStmt, GotoStmt, CXXThrowExpr>(S))
    return true;
  if (isa<BreakStmt, ContinueStmt>(S))
    return !Nested;
  Nested |= isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return leaves(Child, Nested); });
}

/// True when the container \p Var holds threads that join themselves when
/// destroyed (std::jthread).
bool joinsItself(const VarDecl &Var) {
  const auto *Container = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Var.getType()->getAsCXXRecordDecl());
  return Container && Container->getTemplateArgs().size() > 0 &&
         Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
         canonicalTypeName(Container->getTemplateArgs()[0].getAsType()) ==
             "::std::jthread";
}

/// True when \p Var is declared by a statement of \p Block.
bool inBlock(const VarDecl &Var, const CompoundStmt &Block, ASTContext &Ctx) {
  DynTypedNodeList Up = Ctx.getParents(Var);
  const auto *Decl = Up.size() == 1 ? Up[0].get<DeclStmt>() : nullptr;
  return Decl && llvm::is_contained(Block.body(), Decl);
}

/// The local container whose every element \p S joins in turn: a
/// range-based for over it (`for (auto &t : ts) t.join();`) whose body
/// calls a member of \p Joins on the element, in a statement without a
/// branch, before anything that may skip it or leave.
const VarDecl *joinedEach(const Stmt &S, const NameMatcher &Joins) {
  const auto *For = dyn_cast<CXXForRangeStmt>(&S);
  const VarDecl *Container =
      For ? containerNamed(For->getRangeInit()) : nullptr;
  if (!Container)
    return nullptr;
  llvm::SmallVector<const Stmt *, 4> Steps{For->getBody()};
  if (const auto *Block = dyn_cast<CompoundStmt>(For->getBody()))
    Steps.assign(Block->body_begin(), Block->body_end());
  for (const Stmt *Step : Steps) {
    // A statement without a branch in it (`t.join();`, `sum += f.get();`).
    bool Branches = false, Joined = false;
    forEachOwnStmt(Step, [&](const Stmt &S) {
      const auto *Logical = dyn_cast<BinaryOperator>(&S);
      Branches |= isa<AbstractConditionalOperator, IfStmt, SwitchStmt>(S) ||
                  (Logical && Logical->isLogicalOp());
      const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
      std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
      Joined |= Info && anyNameMatches(Joins, *Info) &&
                namedDecl(Call->getImplicitObjectArgument()) ==
                    For->getLoopVariable();
    });
    if (Joined && !Branches && isa<Expr, DeclStmt>(Step))
      return Container;
    if (leaves(Step))
      return nullptr;
  }
  return nullptr;
}

} // namespace

bool joinedAfter(const Stmt &Loop, const OwnStmts &Own,
                 const llvm::SmallPtrSetImpl<const CallExpr *> &Spawns,
                 const NameMatcher &Joins, const NameMatcher &Combinators,
                 ASTContext &Ctx) {
  llvm::SmallPtrSet<const VarDecl *, 2> Pending;
  bool All = true;
  Own.forEach(loopBody(Loop), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call || !Spawns.contains(Call))
      return;
    const VarDecl *Container = storedIn(*Call, Ctx);
    All &= Container != nullptr;
    Pending.insert(Container);
  });
  if (!All || Pending.empty())
    return false;
  // The statements after the loop in its block, up to the joins.
  DynTypedNodeList Parents = Ctx.getParents(Loop);
  const auto *Block =
      Parents.size() == 1 ? Parents[0].get<CompoundStmt>() : nullptr;
  if (!Block)
    return false;
  const auto *It = llvm::find(Block->body(), &Loop);
  if (It == Block->body_end())
    return false;
  // Threads that join themselves (std::jthread) in a container of the
  // loop's block: its end joins them all, however the block is left.
  for (const VarDecl *Var : llvm::to_vector(Pending))
    if (joinsItself(*Var) && inBlock(*Var, *Block, Ctx))
      Pending.erase(Var);
  if (Pending.empty())
    return true;
  for (++It; It != Block->body_end(); ++It) {
    if (const VarDecl *Joined = joinOf(**It, Joins, Combinators))
      Pending.erase(Joined);
    if (const VarDecl *Joined = joinedEach(**It, Joins))
      Pending.erase(Joined);
    if (Pending.empty())
      return true;
    if (leaves(*It))
      return false;
  }
  return false;
}

namespace {

/// The function a reference names: a template's pattern for each of its
/// specializations.
const FunctionDecl *patternOf(const FunctionDecl *FD) {
  if (const FunctionTemplateDecl *Template = FD->getPrimaryTemplate())
    FD = Template->getTemplatedDecl();
  return FD->getCanonicalDecl();
}

/// The references to a function of the main file, collected in the main
/// file's declarations (a function of internal linkage is called nowhere
/// else).
class ReferenceFinder : public RecursiveASTVisitor<ReferenceFinder> {
public:
  explicit ReferenceFinder(const FunctionDecl &Target) : Target(Target) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl());
    if (FD && patternOf(FD) == &Target)
      Refs.push_back(Ref);
    return true;
  }
  llvm::SmallVector<const DeclRefExpr *, 4> Refs;

private:
  const FunctionDecl &Target;
};

/// True when every call of \p FD (a pattern, not a method) is in this
/// unit: it has internal linkage; or it is a function template declared only
/// in the main file and not explicitly instantiated (a unit that
/// instantiates a template must define it, and no header gives this
/// definition to another unit); or, with \p UnitLocal, a function that only
/// the main file declares (another unit would have to declare it by hand).
bool callersInUnit(const FunctionDecl &FD, const SourceManager &SM,
                   bool UnitLocal) {
  if (isa<CXXMethodDecl>(FD))
    return false;
  bool MainFileOnly = llvm::all_of(FD.redecls(), [&](const FunctionDecl *R) {
    return SM.isInMainFile(SM.getExpansionLoc(R->getLocation()));
  });
  if (!MainFileOnly)
    return false;
  if (!FD.isExternallyVisible())
    return true;
  if (const FunctionTemplateDecl *Template = FD.getDescribedFunctionTemplate())
    return llvm::none_of(Template->specializations(), [](FunctionDecl *Spec) {
      TemplateSpecializationKind Kind = Spec->getTemplateSpecializationKind();
      return Kind == TSK_ExplicitInstantiationDeclaration ||
             Kind == TSK_ExplicitInstantiationDefinition;
    });
  return UnitLocal && !FD.isTemplateInstantiation();
}

/// The calls of \p Called, a function of the main file whose every call is in
/// this unit (callersInUnit); false when it is also used otherwise (its
/// address taken).
bool functionCalls(const FunctionDecl &Called, ASTContext &Ctx,
                   llvm::SmallVectorImpl<const CallExpr *> &Calls,
                   bool UnitLocal) {
  const SourceManager &SM = Ctx.getSourceManager();
  const FunctionDecl &FD = *patternOf(&Called);
  if (!callersInUnit(FD, SM, UnitLocal))
    return false;
  ReferenceFinder Finder(FD);
  for (Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(D->getLocation()))
      Finder.TraverseDecl(D);
  for (const DeclRefExpr *Ref : Finder.Refs) {
    DynTypedNodeList Up = Ctx.getParents(*Ref);
    const auto *Decay =
        Up.size() == 1 ? Up[0].get<ImplicitCastExpr>() : nullptr;
    DynTypedNodeList Above = Decay ? Ctx.getParents(*Decay) : Up;
    const auto *Call = Above.size() == 1 ? Above[0].get<CallExpr>() : nullptr;
    if (!Call || Call->getCallee() != Decay)
      return false;
    Calls.push_back(Call);
  }
  return true;
}

/// True when the integer elements of \p Range are constants: a braced list
/// of them, or a variable made from one.
bool constantElements(const Expr *Range, ASTContext &Ctx) {
  const Expr *E = strip(Range, Wrappers::Object);
  if (const auto *List = dyn_cast_or_null<CXXStdInitializerListExpr>(E))
    E = strip(List->getSubExpr(), Wrappers::Object);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    E = Var && Var->getType().isConstant(Ctx)
            ? strip(Var->getInit(), Wrappers::Object)
            : nullptr;
  }
  const auto *Init = dyn_cast_or_null<InitListExpr>(E);
  return Init && Init->getNumInits() > 0 &&
         llvm::all_of(Init->inits(), [&](const Expr *Element) {
           return !Element->isValueDependent() &&
                  Element->isIntegerConstantExpr(Ctx);
         });
}

bool boundArgument(const Expr *Arg, ASTContext &Ctx, unsigned Depth,
                   bool UnitLocal);

/// True when \p For's condition keeps its counter \p V under a bound in
/// its body: a conjunct `V < B`, `V <= B` (or `B > V`, `B >= V`) where B is
/// a bounded count (a constant, std::min of one) or a bound argument, and
/// the body never writes V.
bool counterUnderBound(const ForStmt &For, const VarDecl &V, ASTContext &Ctx,
                       unsigned Depth, bool UnitLocal) {
  if (!For.getCond() || !leftAlone(For.getBody(), V) || Depth > 3)
    return false;
  llvm::SmallVector<const Expr *, 4> Parts{For.getCond()};
  while (!Parts.empty()) {
    const auto *Part =
        dyn_cast<BinaryOperator>(Parts.pop_back_val()->IgnoreParenImpCasts());
    if (Part && Part->getOpcode() == BO_LAnd) {
      Parts.append({Part->getLHS(), Part->getRHS()});
      continue;
    }
    const Expr *Bound = nullptr;
    if (Part && (Part->getOpcode() == BO_LT || Part->getOpcode() == BO_LE))
      Bound =
          declNamedDirectly(Part->getLHS()) == &V ? Part->getRHS() : nullptr;
    else if (Part && (Part->getOpcode() == BO_GT || Part->getOpcode() == BO_GE))
      Bound =
          declNamedDirectly(Part->getRHS()) == &V ? Part->getLHS() : nullptr;
    if (Bound && (boundedCount(Bound, Ctx) ||
                  boundArgument(Bound, Ctx, Depth + 1, UnitLocal)))
      return true;
  }
  return false;
}

/// True when the variable \p V holds a count its function fixed: a const
/// variable, the element of a range-based for over constants, or the counter
/// of a for loop whose condition keeps it under a bound.
bool boundVariable(const VarDecl &V, ASTContext &Ctx, unsigned Depth,
                   bool UnitLocal) {
  DynTypedNodeList Up = Ctx.getParents(V);
  const auto *Decl = Up.size() == 1 ? Up[0].get<DeclStmt>() : nullptr;
  DynTypedNodeList Above = Decl ? Ctx.getParents(*Decl) : Up;
  if (const auto *For =
          Above.size() == 1 ? Above[0].get<CXXForRangeStmt>() : nullptr;
      For && For->getLoopVariable() == &V)
    return constantElements(For->getRangeInit(), Ctx);
  if (const auto *For = Above.size() == 1 ? Above[0].get<ForStmt>() : nullptr;
      For && For->getInit() == Decl)
    return counterUnderBound(*For, V, Ctx, Depth, UnitLocal);
  return V.getType().isConstQualified() && !V.getType()->isReferenceType();
}

/// True when the argument \p Arg is a bound: a constant, or an integer
/// expression without calls that reads only bound variables, enumerators
/// and parameters bound by every call.
bool boundArgument(const Expr *Arg, ASTContext &Ctx, unsigned Depth,
                   bool UnitLocal) {
  if (const auto *Default = dyn_cast_or_null<CXXDefaultArgExpr>(Arg))
    Arg = Default->getExpr();
  if (!Arg)
    return false;
  Arg = Arg->IgnoreParenImpCasts();
  if (!Arg->isValueDependent() && Arg->isIntegerConstantExpr(Ctx))
    return true;
  bool Bound = Arg->getType()->isIntegerType();
  forEachOwnStmt(Arg, [&](const Stmt &S) {
    Bound &= !isa<CallExpr, MemberExpr>(S);
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    if (!Ref || !Bound || isa<EnumConstantDecl>(Ref->getDecl()))
      return;
    if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
      Bound = boundByEveryCall(*P, Ctx, UnitLocal, Depth + 1);
    else if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      Bound = boundVariable(*V, Ctx, Depth, UnitLocal);
    else
      Bound = false;
  });
  return Bound;
}

} // namespace

bool localLambdaCalls(const CXXMethodDecl &Op,
                      llvm::SmallVectorImpl<const CallExpr *> &Calls) {
  const CXXRecordDecl *Closure = Op.getParent();
  const auto *Outer = dyn_cast<FunctionDecl>(Closure->getDeclContext());
  const Stmt *Body = Outer ? Outer->getBody() : nullptr;
  const VarDecl *Var = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Decls = dyn_cast<DeclStmt>(&S))
      for (const Decl *D : Decls->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit())
          if (const auto *L = dyn_cast_or_null<LambdaExpr>(
                  strip(V->getInit(), Wrappers::Object));
              L && L->getLambdaClass() == Closure)
            Var = V;
  });
  if (!Var)
    return false;
  // Every use, also in nested lambdas, must be a call.
  unsigned Uses = 0;
  auto Visit = [&](const Stmt *S, auto &Self) -> void {
    if (!S)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
        Ref && Ref->getDecl() == Var)
      ++Uses;
    if (const auto *Call = dyn_cast<CXXOperatorCallExpr>(S);
        Call && Call->getOperator() == OO_Call &&
        localNamed(Call->getArg(0)) == Var)
      Calls.push_back(Call);
    for (const Stmt *Child : S->children())
      Self(Child, Self);
  };
  Visit(Body, Visit);
  return Uses == Calls.size();
}

bool boundByEveryCall(const ParmVarDecl &P, ASTContext &Ctx, bool UnitLocal,
                      unsigned Depth) {
  const auto *FD = dyn_cast<FunctionDecl>(P.getDeclContext());
  if (!FD || Depth > 2 || !P.getType()->isIntegerType())
    return false;
  llvm::SmallVector<const CallExpr *, 4> Calls;
  const auto *Method = dyn_cast<CXXMethodDecl>(FD);
  bool Seen = Method && isLambdaCallOperator(*FD)
                  ? localLambdaCalls(*Method, Calls)
                  : functionCalls(*FD, Ctx, Calls, UnitLocal);
  unsigned Index = P.getFunctionScopeIndex();
  return Seen && !Calls.empty() &&
         llvm::all_of(Calls, [&](const CallExpr *Call) {
           return boundArgument(argumentFor(*Call, Index), Ctx, Depth,
                                UnitLocal);
         });
}

bool countFixedByCallers(const Stmt &Loop, ASTContext &Ctx, bool UnitLocal,
                         const FunctionDecl *FD) {
  const auto *For = dyn_cast<ForStmt>(&Loop);
  if (!For || !For->getCond())
    return false;
  llvm::SmallPtrSet<const ParmVarDecl *, 2> Params;
  bool Calls = false;
  forEachOwnStmt(For->getCond(), [&](const Stmt &S) {
    Calls |= isa<CallExpr>(S);
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
        Params.insert(P);
  });
  // Without FD, the function whose parameters the condition reads.
  if (!FD && !Params.empty())
    FD = dyn_cast<FunctionDecl>((*Params.begin())->getDeclContext());
  return FD && !Calls && !Params.empty() &&
         llvm::all_of(Params,
                      [&](const ParmVarDecl *P) {
                        return P->getDeclContext() == FD &&
                               boundByEveryCall(*P, Ctx, UnitLocal);
                      }) &&
         staticallyBounded(Loop, Ctx, FD);
}

} // namespace clang::tidy::async::model
