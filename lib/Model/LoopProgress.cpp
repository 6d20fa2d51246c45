//===--- LoopProgress.cpp - async-lint ------------------------------------===//

#include "LoopProgress.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "NameMatcher.h"
#include "StatementChildren.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include <optional>

namespace clang::tidy::async::model {

namespace {

/// A way out of a loop and the conditions on the way to it (the
/// conditions of the ifs, switches, loops and operators it is nested in).
struct Exit {
  const Stmt *Jump = nullptr;
  llvm::SmallVector<const Expr *, 4> Conditions;
  /// Reached from a catch handler: on a condition no expression states.
  bool OnException = false;
};

/// A change the loop makes to a variable declared in it, which holds for
/// one iteration only: what the change reads decides what the variable
/// tells the loop's exits.
struct LocalWrite {
  const Stmt *By = nullptr;
  llvm::SmallVector<const Expr *, 4> Conditions;
};

/// The variable, binding or member that \p E denotes or points into.
const Decl *targetOf(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = strip(E, Wrappers::Object);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
      return Member->getMemberDecl();
    if (const auto *Unary = dyn_cast_or_null<UnaryOperator>(E))
      E = Unary->getSubExpr();
    else if (const auto *Sub = dyn_cast_or_null<ArraySubscriptExpr>(E))
      E = Sub->getBase();
    else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E);
             Op && Op->getNumArgs() > 0 &&
             llvm::is_contained({OO_Star, OO_Subscript, OO_Arrow},
                                Op->getOperator()))
      E = Op->getArg(0);
    else
      return nullptr;
  }
  return nullptr;
}

/// What the statements of a loop change.
struct Effects {
  /// Each variable, binding or member changed, with where.
  llvm::DenseMap<const Decl *, llvm::SmallVector<LocalWrite, 1>> Written;
  /// A call that may change state the loop cannot see (a user function, a
  /// call through a pointer, a standard function that calls back).
  bool Opaque = false;
  /// The statement being noted and the conditions it runs under.
  const Stmt *Current = nullptr;
  llvm::ArrayRef<const Expr *> Conditions;

  /// Notes that \p E changes; through a reference or pointer variable,
  /// what it was bound to changes too.
  void write(const Expr *E, unsigned Depth = 0) {
    const Decl *D = targetOf(E);
    if (!D)
      return;
    Written[D].push_back({Current, {Conditions.begin(), Conditions.end()}});
    const auto *Alias = dyn_cast<VarDecl>(D);
    if (Alias && Depth < 4 &&
        (Alias->getType()->isReferenceType() ||
         Alias->getType()->isPointerType()))
      write(Alias->getInit(), Depth + 1);
  }
  void note(const Stmt &S);
  void noteCall(const CallExpr &Call);
  void noteArguments(const FunctionDecl &Callee,
                     llvm::ArrayRef<const Expr *> Args);
};

/// True when \p T binds a reference or pointer to something non-const.
bool writableThrough(QualType T) {
  if (T->isReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  return false;
}

/// True when a call may run code the loop does not show: a function object.
bool callsBack(const CallExpr &Call) {
  for (const Expr *Arg : Call.arguments()) {
    QualType T = Arg->getType().getNonReferenceType();
    if (T->isFunctionPointerType() || T->isFunctionType())
      return true;
    if (const auto *RD = T->getAsCXXRecordDecl();
        RD && RD->hasDefinition() &&
        (RD->isLambda() || llvm::any_of(RD->methods(), [](const auto *M) {
           return M->getOverloadedOperator() == OO_Call;
         })))
      return true;
  }
  return false;
}

bool isStandard(const FunctionDecl &Callee) {
  for (const DeclContext *DC = Callee.getDeclContext(); DC;
       DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

void Effects::noteArguments(const FunctionDecl &Callee,
                            llvm::ArrayRef<const Expr *> Args) {
  for (unsigned I = 0; I < Args.size() && I < Callee.getNumParams(); ++I)
    if (writableThrough(Callee.getParamDecl(I)->getType()))
      write(Args[I]);
}

} // namespace

bool mayChangeUnseenState(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee)
    return true;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  bool Standard = isStandard(*Callee);
  if (Callee->getOverloadedOperator() == OO_Call ||
      (Standard && callsBack(Call)))
    return true;
  return !Standard && !Callee->isConstexpr() && !Callee->getBuiltinID() &&
         !(Method && Method->isConst());
}

namespace {

void Effects::noteCall(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  Opaque = Opaque || mayChangeUnseenState(Call);
  if (!Callee)
    return;
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (Method && Method->isInstance()) {
    const Expr *Object = nullptr;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
      Object = Member->getImplicitObjectArgument();
    else if (isa<CXXOperatorCallExpr>(Call) && !Args.empty()) {
      Object = Args.front();
      Args = Args.drop_front();
    }
    if (!Method->isConst())
      write(Object);
  }
  noteArguments(*Callee, Args);
}

void Effects::note(const Stmt &S) {
  Current = &S;
  if (const auto *Op = dyn_cast<BinaryOperator>(&S)) {
    if (Op->isAssignmentOp())
      write(Op->getLHS());
  } else if (const auto *Unary = dyn_cast<UnaryOperator>(&S)) {
    if (Unary->isIncrementDecrementOp())
      write(Unary->getSubExpr());
  } else if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    noteCall(*Call);
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    if (const CXXConstructorDecl *Ctor = Construct->getConstructor())
      noteArguments(*Ctor, {Construct->getArgs(), Construct->getNumArgs()});
  }
}

/// Walks one loop in the order it runs, noting its exits (breaks out of it,
/// not of inner loops or switches; returns, co_returns; throws not caught
/// inside it; gotos to a label outside it), its effects, and the variables
/// it declares, each with the conditions it is under.
class LoopWalker {
public:
  LoopWalker(const Stmt &Loop, const SourceManager &SM) : Loop(Loop), SM(SM) {}

  std::vector<Exit> Exits;
  Effects Changes;
  /// Variables declared in the loop (fresh each iteration), with what
  /// gives them their value: the initialiser, or a range-for's range.
  llvm::DenseMap<const VarDecl *, const Expr *> Locals;

  void visit(const Stmt *S, bool Inner, bool InTry);

private:
  void add(const Stmt *Jump) {
    Exits.push_back({Jump, {Conditions.begin(), Conditions.end()}, InHandler});
  }
  bool leaves(const GotoStmt &Goto) const {
    const LabelStmt *Label = Goto.getLabel()->getStmt();
    return !Label || !SM.isPointWithin(Label->getBeginLoc(), Loop.getBeginLoc(),
                                       Loop.getEndLoc());
  }
  /// Visits \p Then and \p Else under the condition \p Cond.
  void under(const Expr *Cond, const Stmt *Then, const Stmt *Else, bool Inner,
             bool InTry) {
    if (Cond)
      Conditions.push_back(Cond);
    visit(Then, Inner, InTry);
    visit(Else, Inner, InTry);
    if (Cond)
      Conditions.pop_back();
  }
  void visitJump(const Stmt &S, bool Inner, bool InTry);
  void visitBranches(const Stmt &S, bool Inner, bool InTry);

  const Stmt &Loop;
  const SourceManager &SM;
  llvm::SmallVector<const Expr *, 8> Conditions;
  bool InHandler = false;
};

void LoopWalker::visit(const Stmt *S, bool Inner, bool InTry) {
  if (!S || isa<LambdaExpr, BlockExpr>(S))
    return;
  Changes.Conditions = Conditions;
  Changes.note(*S);
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && Var->hasLocalStorage())
        Locals[Var] = Var->getInit(); // Not a static: fresh each iteration.
  if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S))
    return visit(Suspend->getOperand(), Inner, InTry); // Not the awaiter.
  if (isa<BreakStmt, ReturnStmt, CoreturnStmt, CXXThrowExpr, GotoStmt>(S))
    return visitJump(*S, Inner, InTry);
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    visit(Try->getTryBlock(), Inner, true);
    bool Was = InHandler;
    InHandler = true;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      visit(Try->getHandler(I), Inner, InTry);
    InHandler = Was;
    return;
  }
  visitBranches(*S, Inner, InTry);
}

void LoopWalker::visitJump(const Stmt &S, bool Inner, bool InTry) {
  if (const auto *Goto = dyn_cast<GotoStmt>(&S)) {
    if (leaves(*Goto))
      add(&S);
    return;
  }
  if ((isa<BreakStmt>(S) && !Inner) || isa<ReturnStmt, CoreturnStmt>(S) ||
      (isa<CXXThrowExpr>(S) && !InTry))
    add(&S);
  if (const auto *Return = dyn_cast<CoreturnStmt>(&S))
    return visit(Return->getOperand(), Inner, InTry); // Not the promise call.
  for (const Stmt *Child : S.children())
    visit(Child, Inner, InTry);
}

void LoopWalker::visitBranches(const Stmt &S, bool Inner, bool InTry) {
  if (const auto *Do = dyn_cast<DoStmt>(&S)) { // The body runs at least once.
    visit(Do->getBody(), true, InTry);
    return visit(Do->getCond(), Inner, InTry);
  }
  // An if, a conditional operator, a switch or a loop: a break in the
  // body of the last two leaves them, not this loop.
  if (std::optional<ConditionParts> Parts = conditionParts(S)) {
    for (const Stmt *Part : Parts->beforeChoice())
      visit(Part, Inner, InTry);
    return under(Parts->Cond, Parts->Then, Parts->Else,
                 Inner || !isa<IfStmt, AbstractConditionalOperator>(S), InTry);
  }
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
    visit(Range->getInit(), Inner, InTry);
    visit(Range->getRangeInit(), Inner, InTry);
    if (const VarDecl *Var = Range->getLoopVariable())
      Locals[Var] = Range->getRangeInit();
    return under(Range->getRangeInit(), Range->getBody(), nullptr, true, InTry);
  }
  if (const auto *Logic = dyn_cast<BinaryOperator>(&S);
      Logic && Logic->isLogicalOp()) {
    visit(Logic->getLHS(), Inner, InTry);
    return under(Logic->getLHS(), Logic->getRHS(), nullptr, Inner, InTry);
  }
  for (const Stmt *Child : S.children())
    visit(Child, Inner, InTry);
}

/// Whether the loop changes what its exits test: the state they read, and
/// for a variable declared in the loop, the state its value comes from.
class ProgressTest {
public:
  explicit ProgressTest(const LoopWalker &Walk) : Walk(Walk) {}

  /// True when the loop changes something \p Cond reads.
  bool changes(const Stmt *Cond) {
    bool Changed = false;
    forEachOwnStmt(Cond, [&](const Stmt &S) {
      if (!Changed)
        Changed = changesRead(S);
    });
    return Changed;
  }

private:
  bool changesRead(const Stmt &S) {
    const Decl *D = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(&S))
      D = Ref->getDecl();
    else if (const auto *Member = dyn_cast<MemberExpr>(&S))
      D = Member->getMemberDecl();
    if (!D || !Seen.insert(D).second)
      return false;
    const auto *Var = dyn_cast<VarDecl>(D);
    if (const auto *Binding = dyn_cast<BindingDecl>(D))
      Var = dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
    llvm::SmallVector<const LocalWrite *, 4> Writes;
    for (const Decl *Key : {D, (const Decl *)Var})
      if (auto It = Walk.Changes.Written.find(Key);
          Key && It != Walk.Changes.Written.end())
        for (const LocalWrite &W : It->second)
          Writes.push_back(&W);
    auto Local = Var ? Walk.Locals.find(Var) : Walk.Locals.end();
    if (Local == Walk.Locals.end())
      return !Writes.empty();
    // Fresh each iteration: what it is made from decides.
    return changes(Local->second) ||
           llvm::any_of(Writes, [&](const LocalWrite *W) {
             return changes(W->By) ||
                    llvm::any_of(W->Conditions,
                                 [&](const Expr *C) { return changes(C); });
           });
  }

  const LoopWalker &Walk;
  llvm::DenseSet<const Decl *> Seen;
};

/// The parts of a for, while or do statement (Then its body, Else a for
/// loop's increment; Cond null for 'for (;;)').
std::optional<ConditionParts> partsOf(const Stmt &Loop) {
  if (!isa<ForStmt, WhileStmt, DoStmt>(Loop))
    return std::nullopt;
  return conditionParts(Loop);
}

std::optional<bool> constantTruth(const Expr *Cond, const ASTContext &Ctx) {
  if (!Cond)
    return true;
  bool Value = false;
  if (Cond->isValueDependent() || Cond->containsErrors() ||
      !Cond->EvaluateAsBooleanCondition(Value, Ctx))
    return std::nullopt;
  return Value;
}

/// True when \p Cond compares with a compile-time constant (i < 16).
bool comparesWithConstant(const Expr *Cond, const ASTContext &Ctx) {
  const auto *Op =
      dyn_cast_or_null<BinaryOperator>(strip(Cond, Wrappers::Condition));
  if (!Op || !Op->isComparisonOp())
    return false;
  auto IsConstant = [&](const Expr *E) {
    return !E->isValueDependent() && E->isIntegerConstantExpr(Ctx);
  };
  return IsConstant(Op->getLHS()) || IsConstant(Op->getRHS());
}

/// True when a range-for walks a range of a fixed size.
bool walksFixedRange(const CXXForRangeStmt &For) {
  const Expr *Range = For.getRangeInit();
  if (!Range || Range->isTypeDependent())
    return false;
  if (isa<InitListExpr, CXXStdInitializerListExpr>(
          strip(Range, Wrappers::Implicit)))
    return true;
  QualType T = Range->getType().getNonReferenceType();
  return T->isConstantArrayType() || canonicalTypeName(T) == "::std::array";
}

} // namespace

LoopProgress loopProgress(const Stmt &Loop, const ASTContext &Ctx) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop))
    return {walksFixedRange(*Range) ? LoopBound::CompileTime
                                    : LoopBound::Runtime};
  std::optional<ConditionParts> P = partsOf(Loop);
  if (!P || !P->Then)
    return {};
  std::optional<bool> Truth = constantTruth(P->Cond, Ctx);
  if (Truth == false)
    return {}; // do { ... } while (0)
  LoopWalker Walk(Loop, Ctx.getSourceManager());
  for (const Stmt *Part : std::initializer_list<const Stmt *>{
           P->Variable, P->Cond, P->Then, P->Else})
    Walk.visit(Part, false, false);
  if (llvm::any_of(Walk.Exits, [](const Exit &E) {
        return E.OnException || E.Conditions.empty();
      }))
    return {}; // Every iteration that gets there leaves.
  if (Truth && Walk.Exits.empty())
    return {LoopBound::Endless};
  llvm::SmallVector<const Expr *, 8> Tested;
  if (!Truth)
    Tested.push_back(P->Cond);
  for (const Exit &E : Walk.Exits)
    Tested.append(E.Conditions.begin(), E.Conditions.end());
  ProgressTest Test(Walk);
  if (llvm::any_of(Tested,
                   [&](const Expr *Cond) { return Test.changes(Cond); }))
    return {comparesWithConstant(P->Cond, Ctx) ? LoopBound::CompileTime
                                               : LoopBound::Runtime};
  if (Walk.Changes.Opaque)
    return {};
  return {LoopBound::Spin,
          Truth ? Walk.Exits.front().Conditions.back() : P->Cond};
}

} // namespace clang::tidy::async::model
