//===--- DanglingReferenceCheck.cpp - async-lint --------------------------===//

#include "DanglingReferenceCheck.h"
#include "../Model/CallInfo.h"
#include "../Model/CoroutineModel.h"
#include "../Model/LocalFlow.h"
#include "../Model/Matchers.h"
#include "LifetimeNotes.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::async {

namespace {

constexpr llvm::StringLiteral ViewTypesOpt = "ViewTypes";
constexpr llvm::StringLiteral ReferenceWrappersOpt = "ReferenceWrappers";
constexpr llvm::StringLiteral StrictParametersOpt = "StrictParameters";

constexpr llvm::StringLiteral DefaultViewTypes =
    "::std::basic_string_view;::std::span;::std::initializer_list;"
    "::std::ranges::ref_view;::std::mdspan;::boost::core::basic_string_view;"
    "::boost::span;::absl::string_view;::absl::Span;::folly::Range;"
    "::llvm::StringRef;::llvm::ArrayRef";

/// True when \p S contains 'this' (bounded: returns of accessors are small).
bool containsThis(const Stmt *S, unsigned Depth = 0) {
  if (!S || Depth > 12)
    return false;
  if (isa<CXXThisExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsThis(Child, Depth + 1))
      return true;
  return false;
}

/// True when the awaiter method \p Resume returns a reference into its own
/// object, or into something its object owns (a promise through a handle).
bool returnsReferenceIntoThis(const CXXMethodDecl *Resume) {
  if (!Resume || !Resume->getReturnType()->isReferenceType())
    return false;
  const FunctionDecl *Def = Resume->getDefinition();
  if (!Def || !Def->getBody())
    return false;
  bool Found = false;
  model::forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
    if (const auto *Return = dyn_cast<ReturnStmt>(&S))
      Found = Found || containsThis(Return->getRetValue());
  });
  return Found;
}

/// True when \p E (a co_await operand) is a temporary.
bool isTemporary(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return !Temp->getExtendingDecl();
  return E->isPRValue();
}

/// The co_await that initialises \p Init, looking through implicit nodes.
const CoawaitExpr *awaitOf(const Expr *Init) {
  if (!Init)
    return nullptr;
  Init = Init->IgnoreImplicit();
  return dyn_cast<CoawaitExpr>(Init->IgnoreParenImpCasts());
}

bool isOneOf(const CXXMethodDecl *M, std::initializer_list<StringRef> Names) {
  return M && M->getIdentifier() && llvm::is_contained(Names, M->getName());
}

/// Methods that hand out a reference, pointer or iterator into a container.
bool handsOutElement(const CXXMethodDecl *M) {
  return isOneOf(M,
                 {"begin", "end", "cbegin", "cend", "rbegin", "find", "front",
                  "back", "data", "at", "lower_bound", "upper_bound"});
}

/// Methods that may invalidate references into a container.
bool modifiesContainer(const CXXMethodDecl *M) {
  return isOneOf(M, {"push_back", "emplace_back", "pop_back", "push_front",
                     "emplace_front", "pop_front", "insert", "emplace", "erase",
                     "clear", "resize", "reserve", "assign", "swap",
                     "shrink_to_fit", "try_emplace", "insert_or_assign",
                     "extract", "merge"});
}

/// The field of '*this' that \p E names, if any.
const FieldDecl *fieldOfThis(const Expr *E) {
  const auto *Member =
      dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts() : nullptr);
  if (!Member || !isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
    return nullptr;
  return dyn_cast<FieldDecl>(Member->getMemberDecl());
}

/// The member container into which \p Init takes a reference, a pointer or
/// an iterator: 'items_.begin()', 'items_[i]', '&items_.front()'.
const FieldDecl *elementSource(const Expr *Init) {
  if (!Init)
    return nullptr;
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
      Construct && Construct->getNumArgs() == 1 &&
      Construct->getConstructor()->isCopyOrMoveConstructor())
    E = Construct->getArg(0)->IgnoreImplicit();
  if (const auto *Unary = dyn_cast<UnaryOperator>(E);
      Unary && Unary->getOpcode() == UO_AddrOf)
    E = Unary->getSubExpr()->IgnoreImplicit();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
      Call && handsOutElement(Call->getMethodDecl()))
    return fieldOfThis(Call->getImplicitObjectArgument());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getOperator() == OO_Subscript)
    return fieldOfThis(Op->getArg(0));
  if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
    return fieldOfThis(Subscript->getBase());
  return nullptr;
}

} // namespace

DanglingReferenceCheck::DanglingReferenceCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      ViewTypes(Options.get(ViewTypesOpt, DefaultViewTypes)),
      ReferenceWrappers(Options.get(ReferenceWrappersOpt, true)),
      StrictParameters(Options.get(StrictParametersOpt, false)), Lib(Options) {}

void DanglingReferenceCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, ViewTypesOpt, ViewTypes.str());
  Options.store(Opts, ReferenceWrappersOpt, ReferenceWrappers);
  Options.store(Opts, StrictParametersOpt, StrictParameters);
  Lib.store(Options, Opts);
}

void DanglingReferenceCheck::onStartOfTranslationUnit() {
  LateUses.clear();
  Modifications.clear();
  Reported.clear();
}

void DanglingReferenceCheck::registerMatchers(MatchFinder *Finder) {
  Finder->addMatcher(functionDecl(model::hasUserBody()).bind("fn"), this);
}

bool DanglingReferenceCheck::refersThrough(const ParmVarDecl &Param) const {
  QualType T = Param.getType();
  if (T.isNull() || T->isDependentType())
    return false;
  if (T->isReferenceType())
    return true;
  if (T->isPointerType())
    return !T->isFunctionPointerType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  std::string Name = model::canonicalName(*RD);
  return ViewTypes.matches(Name) ||
         (ReferenceWrappers && Name == "::std::reference_wrapper");
}

const Stmt *DanglingReferenceCheck::firstLateUse(const FunctionDecl &Coro,
                                                 int Index, ASTContext &Ctx) {
  auto [It, New] = LateUses.try_emplace({&Coro, Index}, nullptr);
  if (!New)
    return It->second;
  const ParmVarDecl *Param = Index >= 0 ? Coro.getParamDecl(Index) : nullptr;
  auto IsUse = [&](const Stmt &S) {
    if (!Param)
      return isa<CXXThisExpr>(S);
    const auto *Ref = dyn_cast<DeclRefExpr>(&S);
    return Ref && Ref->getDecl() == Param;
  };
  bool Lazy = model::lazinessOf(Coro.getReturnType()) == model::Laziness::Lazy;
  const Stmt *Use = model::firstUseAfterSuspension(
      Coro, Ctx, IsUse, Lazy, &Lib.NonSuspendingAwaitables);
  LateUses[{&Coro, Index}] = Use;
  return Use;
}

void DanglingReferenceCheck::checkCall(const CallExpr &Call,
                                       const FunctionDecl &Coro,
                                       std::unique_ptr<model::TaskFlow> &Flow,
                                       const FunctionDecl &Caller,
                                       ASTContext &Ctx) {
  using model::Referent;
  model::Laziness L = model::lazinessOf(Coro.getReturnType());
  bool Lazy = L == model::Laziness::Lazy;
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coro);
  bool Instance = Method && Method->isInstance() &&
                  !Method->isExplicitObjectMemberFunction();
  const Expr *Object = nullptr;
  unsigned Offset = 0;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    Object = Member->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(Call) && Method && Method->isInstance()) {
    Object = Call.getArg(0);
    Offset = 1;
  }

  auto Fate = [&]() {
    if (!Flow)
      Flow = std::make_unique<model::TaskFlow>(Caller, Lib, Ctx);
    return Flow->fateOf(&Call);
  };
  auto Notes = [&](const model::TaskFate &F, const Referent &R,
                   SourceLocation Dies, const Stmt *Use, StringRef UseName) {
    addLifetimeNotes(*this, Ctx.getSourceManager(), F,
                     {"the temporary",
                      R.What == Referent::Kind::Local ? R.Var : nullptr, Dies},
                     Use, UseName, Lazy);
  };

  for (unsigned I = 0;
       I < Coro.getNumParams() && I + Offset < Call.getNumArgs(); ++I) {
    const ParmVarDecl *Param = Coro.getParamDecl(I);
    const Expr *Arg = Call.getArg(I + Offset);
    if (!Param || isa<CXXDefaultArgExpr>(Arg) || !refersThrough(*Param))
      continue;
    Referent R =
        model::TaskFlow::referentOf(Arg, !Param->getType()->isReferenceType());
    if (R.What == Referent::Kind::Other)
      continue;
    const Stmt *Use = firstLateUse(Coro, I, Ctx);
    if (!Use)
      continue;
    model::TaskFate F = Fate();
    SourceLocation Dies = Flow->diesBeforeTask(R, &Call, F, L);
    if (Dies.isInvalid() ||
        !Reported.insert(Arg->getBeginLoc().getRawEncoding()).second)
      continue;
    if (R.What == Referent::Kind::Temporary)
      diag(Arg->getBeginLoc(), "parameter %0 of %1 refers to a temporary "
                               "that is destroyed before the task is done "
                               "with it")
          << Param << model::describeFunction(Coro) << Arg->getSourceRange();
    else
      diag(Arg->getBeginLoc(), "parameter %0 of %1 refers to local %2, which "
                               "is destroyed while the task may still run")
          << Param << model::describeFunction(Coro) << R.Var
          << Arg->getSourceRange();
    Notes(F, R, Dies, Use, "'" + Param->getName().str() + "'");
  }

  // The object of a member coroutine is its implicit reference parameter.
  // Lambdas are async-lambda-capture-lifetime's.
  if (!Object || !Instance || model::isLambdaCallOperator(Coro))
    return;
  Referent R = model::TaskFlow::referentOf(Object, false);
  if (R.What != Referent::Kind::Other) {
    const Stmt *Use = firstLateUse(Coro, -1, Ctx);
    if (!Use)
      return;
    model::TaskFate F = Fate();
    SourceLocation Dies = Flow->diesBeforeTask(R, &Call, F, L);
    if (Dies.isInvalid() ||
        !Reported.insert(Call.getBeginLoc().getRawEncoding()).second)
      return;
    if (R.What == Referent::Kind::Temporary)
      diag(Call.getBeginLoc(), "%0 is called on a temporary that is destroyed "
                               "before the task is done with it")
          << model::describeFunction(Coro) << Object->getSourceRange();
    else
      diag(Call.getBeginLoc(), "%0 is called on local %1, which is destroyed "
                               "while the task may still run")
          << model::describeFunction(Coro) << R.Var << Object->getSourceRange();
    Notes(F, R, Dies, Use, "the object");
    return;
  }
  // A detached member coroutine of a class made to be owned by shared_ptr,
  // given no shared_ptr that keeps its object alive.
  if (!isa<CXXThisExpr>(Object->IgnoreParenImpCasts()) ||
      !model::isSharedFromThisClass(Method->getParent()) ||
      llvm::any_of(Call.arguments(), [](const Expr *Arg) {
        return model::isSharedPtrType(Arg->getType());
      }))
    return;
  model::TaskFate F = Fate();
  if (!F.runsDetached(L))
    return;
  const Stmt *Use = firstLateUse(Coro, -1, Ctx);
  if (!Use || !Reported.insert(Call.getBeginLoc().getRawEncoding()).second)
    return;
  diag(Call.getBeginLoc(), "%0 runs detached on '*this', and nothing keeps "
                           "the object alive; give the coroutine a "
                           "'shared_from_this()' copy to hold")
      << model::describeFunction(Coro);
  diag(F.Where, "the task is %0", DiagnosticIDs::Note) << F.How;
  diag(Use->getBeginLoc(),
       Lazy ? "the object is used here, when the task runs"
            : "the object is used here, after the coroutine may have "
              "suspended",
       DiagnosticIDs::Note);
}

void DanglingReferenceCheck::checkCalls(const FunctionDecl &FD,
                                        const Stmt *Body, ASTContext &Ctx) {
  std::unique_ptr<model::TaskFlow> Flow;
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!Call)
      return;
    const FunctionDecl *Callee = model::calledDefinition(*Call);
    if (!Callee || !model::getCoroutineBody(*Callee) ||
        Callee->isDependentContext())
      return;
    checkCall(*Call, *Callee, Flow, FD, Ctx);
  });
}

void DanglingReferenceCheck::checkAwaitedReferences(const Stmt *Body,
                                                    ASTContext &Ctx) {
  auto Dangles = [](const CoawaitExpr *Await) {
    if (!Await || !isTemporary(Await->getOperand()))
      return false;
    const auto *Resume =
        dyn_cast_or_null<CXXMemberCallExpr>(Await->getResumeExpr());
    return Resume && returnsReferenceIntoThis(Resume->getMethodDecl());
  };
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(&S)) {
      const CoawaitExpr *Await = awaitOf(Range->getRangeInit());
      if (!model::rangeForInitTemporariesLiveThroughLoop(Ctx.getLangOpts()) &&
          Dangles(Await))
        diag(Await->getBeginLoc(),
             "the range of this loop is a reference into the result of "
             "'co_await' on a temporary, which is destroyed before the loop "
             "starts");
      return;
    }
    const auto *DS = dyn_cast<DeclStmt>(&S);
    if (!DS)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->getType()->isReferenceType())
        continue;
      const CoawaitExpr *Await = awaitOf(VD->getInit());
      if (!Dangles(Await))
        continue;
      const DeclRefExpr *FirstUse = nullptr;
      model::forEachOwnStmt(Body, [&](const Stmt &Inner) {
        if (const auto *Ref = dyn_cast<DeclRefExpr>(&Inner);
            Ref && Ref->getDecl() == VD && !FirstUse)
          FirstUse = Ref;
      });
      if (!FirstUse)
        continue;
      diag(VD->getLocation(), "reference %0 is bound to the result of "
                              "'co_await' on a temporary, which is destroyed "
                              "at the end of the full expression")
          << VD;
      const auto *Resume = cast<CXXMemberCallExpr>(Await->getResumeExpr());
      diag(Resume->getMethodDecl()->getLocation(),
           "%0 returns a reference into the awaited object",
           DiagnosticIDs::Note)
          << Resume->getMethodDecl();
      diag(FirstUse->getLocation(),
           "%0 is used here, after the temporary is "
           "destroyed",
           DiagnosticIDs::Note)
          << VD;
    }
  });
}

const Stmt *DanglingReferenceCheck::modificationOf(const FieldDecl &Field) {
  auto [It, New] = Modifications.try_emplace(&Field, nullptr);
  if (!New)
    return It->second;
  const auto *Record = dyn_cast<CXXRecordDecl>(Field.getParent());
  if (!Record)
    return nullptr;
  const Stmt *Found = nullptr;
  for (const CXXMethodDecl *Method : Record->methods()) {
    const FunctionDecl *Def = Method->getDefinition();
    if (!Def || Found)
      continue;
    model::forEachOwnStmt(model::getUserBody(*Def), [&](const Stmt &S) {
      if (Found)
        return;
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
          Call && modifiesContainer(Call->getMethodDecl()) &&
          fieldOfThis(Call->getImplicitObjectArgument()) == &Field)
        Found = &S;
      else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&S);
               Op && Op->getOperator() == OO_Equal &&
               fieldOfThis(Op->getArg(0)) == &Field)
        Found = &S;
    });
  }
  Modifications[&Field] = Found;
  return Found;
}

void DanglingReferenceCheck::checkElementReferences(const FunctionDecl &FD,
                                                    const Stmt *Body,
                                                    ASTContext &Ctx) {
  model::forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *DS = dyn_cast<DeclStmt>(&S);
    if (!DS)
      return;
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->hasLocalStorage())
        continue;
      const FieldDecl *Field = elementSource(VD->getInit());
      if (!Field)
        continue;
      const Stmt *Modified = modificationOf(*Field);
      if (!Modified)
        continue;
      model::LateUse Late = model::firstUseAcrossSuspension(
          FD, Ctx, DS,
          [&](const Stmt &Use) {
            const auto *Ref = dyn_cast<DeclRefExpr>(&Use);
            return Ref && Ref->getDecl() == VD;
          },
          &Lib.NonSuspendingAwaitables);
      if (!Late.Use)
        continue;
      diag(VD->getLocation(), "%0 points into member %1 and is used after a "
                              "suspension point, while other code may "
                              "modify %1")
          << VD << Field;
      diag(Late.Suspension->getBeginLoc(), "the coroutine may suspend here",
           DiagnosticIDs::Note);
      diag(Modified->getBeginLoc(), "%0 is modified here", DiagnosticIDs::Note)
          << Field;
      diag(Late.Use->getBeginLoc(), "%0 is used here, after the suspension",
           DiagnosticIDs::Note)
          << VD;
    }
  });
}

void DanglingReferenceCheck::checkStrictParameters(const FunctionDecl &FD,
                                                   ASTContext &Ctx) {
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *Param = FD.getParamDecl(I);
    if (!refersThrough(*Param))
      continue;
    const Stmt *Use = model::firstUseAfterSuspension(
        FD, Ctx,
        [&](const Stmt &S) {
          const auto *Ref = dyn_cast<DeclRefExpr>(&S);
          return Ref && Ref->getDecl() == Param;
        },
        /*FromStart=*/false, &Lib.NonSuspendingAwaitables);
    if (!Use)
      continue;
    diag(Param->getLocation(), "parameter %0 of %1 is used after a suspension "
                               "point, when what it refers to may be gone")
        << Param << model::describeFunction(FD);
    diag(Use->getBeginLoc(),
         "%0 is used here, after the coroutine may have suspended",
         DiagnosticIDs::Note)
        << Param;
  }
}

void DanglingReferenceCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn");
  const Stmt *Body = model::analysableBody(FD);
  if (!Body)
    return;
  ASTContext &Ctx = *Result.Context;
  checkCalls(*FD, Body, Ctx);
  if (!model::getCoroutineBody(*FD))
    return;
  checkAwaitedReferences(Body, Ctx);
  checkElementReferences(*FD, Body, Ctx);
  if (StrictParameters)
    checkStrictParameters(*FD, Ctx);
}

} // namespace clang::tidy::async
