//===--- CoroutineModel.cpp - async-lint ----------------------------------===//

#include "CoroutineModel.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

const CoroutineBodyStmt *getCoroutineBody(const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody())
    return nullptr;
  return dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
}

bool isCoroutine(const FunctionDecl &FD) {
  const FunctionDecl *Def = nullptr;
  if (!FD.hasBody(Def) || !Def)
    return false;
  return getCoroutineBody(*Def) != nullptr;
}

const Stmt *getUserBody(const FunctionDecl &FD) {
  if (!FD.doesThisDeclarationHaveABody())
    return nullptr;
  const Stmt *Body = FD.getBody();
  if (const auto *Coro = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    return Coro->getBody();
  return Body;
}

bool isLambdaCallOperator(const FunctionDecl &FD) {
  const auto *MD = dyn_cast<CXXMethodDecl>(&FD);
  return MD && MD->getParent() && MD->getParent()->isLambda();
}

std::string describeFunction(const FunctionDecl &FD) {
  bool Coro = isCoroutine(FD);
  if (isLambdaCallOperator(FD))
    return Coro ? "coroutine lambda" : "lambda";
  std::string Name = FD.getNameAsString();
  return (Coro ? "coroutine '" : "function '") + Name + "'";
}

namespace {

/// Walks the code that runs as part of one function body.
class OwnStmtWalker : public RecursiveASTVisitor<OwnStmtWalker> {
  using Base = RecursiveASTVisitor<OwnStmtWalker>;

public:
  explicit OwnStmtWalker(llvm::function_ref<void(const Stmt &)> Callback)
      : Callback(Callback) {}
  /// A walker that also calls \p Done for each statement once everything
  /// within it has been walked (OwnStmts).
  OwnStmtWalker(llvm::function_ref<void(const Stmt &)> Callback,
                llvm::function_ref<void(const Stmt &)> Done)
      : Callback(Callback), Done(Done) {}

  bool shouldVisitImplicitCode() const { return false; }
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBody() const { return false; }

  bool VisitStmt(Stmt *S) {
    Callback(*S);
    return true;
  }

  // Every statement walked, also one whose Traverse method below skips it,
  // passes here after what is within it.
  bool dataTraverseStmtPost(Stmt *S) {
    if (Done)
      Done(*S);
    return true;
  }

  // A lambda's body runs when it is called; its captures run here.
  bool TraverseLambdaExpr(LambdaExpr *E) {
    Callback(*E);
    for (Expr *Init : E->capture_inits())
      if (Init && !TraverseStmt(Init))
        return false;
    return true;
  }
  bool TraverseBlockExpr(BlockExpr *) { return true; }

  // Local classes and functions run when they are called.
  bool TraverseDecl(Decl *D) {
    if (D && (isa<TagDecl>(D) || isa<FunctionDecl>(D) ||
              isa<FunctionTemplateDecl>(D) || isa<ClassTemplateDecl>(D)))
      return true;
    return Base::TraverseDecl(D);
  }

  // Unevaluated operands never run.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    if (!E->isPotentiallyEvaluated())
      return true;
    return Base::TraverseCXXTypeidExpr(E);
  }
  // What a type or a qualifier holds written (a template argument, an
  // array's bound) is a constant: it does not run when the function runs,
  // except a variable-length array's bound. Not walking them also saves
  // most of a declaration's walk.
  bool TraverseTypeLoc(TypeLoc TL, bool TraverseQualifier = true) {
    if (TL.isNull() || !TL.getType()->isVariablyModifiedType())
      return true;
    return Base::TraverseTypeLoc(TL, TraverseQualifier);
  }
  bool TraverseNestedNameSpecifierLoc(NestedNameSpecifierLoc) { return true; }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc, bool = false) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc, bool = false) {
    return true;
  }

private:
  llvm::function_ref<void(const Stmt &)> Callback;
  llvm::function_ref<void(const Stmt &)> Done;
};

} // namespace

OwnStmts::OwnStmts(const Stmt *Body, CallNames *Names)
    : Body(Body), Names(Names) {
  if (!Body)
    return;
  OwnStmtWalker(
      [&](const Stmt &S) {
        auto [It, New] = Position.try_emplace(&S, Order.size());
        if (!New)
          It->second = Twice;
        Order.push_back(&S);
        End.push_back(0);
      },
      [&](const Stmt &S) {
        // The walk leaves a statement it visited. One visited twice is
        // walked again when asked about, and so is one visited on the way
        // through another without being left itself (the written form of
        // an initializer list, visited for the list Clang made of it).
        auto It = Position.find(&S);
        if (It != Position.end() && It->second != Twice && End[It->second] == 0)
          End[It->second] = Order.size();
      })
      .TraverseStmt(const_cast<Stmt *>(Body));
}

std::optional<unsigned> OwnStmts::position(const Stmt *S) const {
  auto It = Position.find(S);
  if (It == Position.end() || It->second == Twice || End[It->second] == 0)
    return std::nullopt;
  return It->second;
}

void OwnStmts::forEach(const Stmt *S,
                       llvm::function_ref<void(const Stmt &)> Callback) const {
  std::optional<unsigned> At = position(S);
  if (!At) {
    // Not a statement the walk visited (an unevaluated operand, code
    // outside the body): walk it.
    forEachOwnStmt(S, Callback);
    return;
  }
  for (unsigned I = *At, E = End[*At]; I != E; ++I)
    Callback(*Order[I]);
}

const CallInfo *OwnStmts::call(const Stmt &S) const {
  // Only calls and constructions have a callee: the rest is answered
  // without a look-up.
  if (!isa<CallExpr, CXXConstructExpr>(S))
    return nullptr;
  auto [It, New] = Calls.try_emplace(&S, nullptr);
  if (New)
    if (std::optional<CallInfo> Info = describeCall(S, Names))
      It->second = &CallStore.emplace_back(std::move(*Info));
  return It->second;
}

void forEachOwnStmt(const Stmt *Body,
                    llvm::function_ref<void(const Stmt &)> Callback) {
  if (!Body)
    return;
  OwnStmtWalker(Callback).TraverseStmt(const_cast<Stmt *>(Body));
}

const Stmt *firstOwnStmt(const Stmt *Body,
                         llvm::function_ref<bool(const Stmt &)> IsUse,
                         const SourceManager &SM) {
  const Stmt *First = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (IsUse(S) && (!First || SM.isBeforeInTranslationUnit(
                                   S.getBeginLoc(), First->getBeginLoc())))
      First = &S;
  });
  return First;
}

void forEachSuspensionPoint(
    const Stmt *Body,
    llvm::function_ref<void(const CoroutineSuspendExpr &)> Callback) {
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(&S))
      Callback(*Suspend);
  });
}

} // namespace clang::tidy::async::model
