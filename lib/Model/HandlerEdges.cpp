//===--- HandlerEdges.cpp - async-lint ------------------------------------===//

#include "HandlerEdges.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::tidy::async::model {

namespace {

/// A try statement of the body and its dispatch block.
struct TryDispatch {
  const CXXTryStmt *Try = nullptr;
  CFGBlock *Dispatch = nullptr;
};

/// True when leaving the scope of \p Var runs a destructor the CFG records.
bool hasAutomaticDtor(const VarDecl &Var) {
  if (!Var.hasLocalStorage() || Var.getType()->isReferenceType())
    return false;
  const auto *Record =
      Var.getType()->getBaseElementTypeUnsafe()->getAsCXXRecordDecl();
  return Record && Record->hasDefinition() && !Record->hasTrivialDestructor();
}

/// The locals of \p Try's block with a destructor, in declaration order.
llvm::SmallVector<VarDecl *, 4> unwoundLocals(const CXXTryStmt &Try) {
  llvm::SmallVector<VarDecl *, 4> Locals;
  forEachOwnStmt(Try.getTryBlock(), [&](const Stmt &S) {
    if (const auto *Declaration = dyn_cast<DeclStmt>(&S))
      for (Decl *D : const_cast<DeclStmt *>(Declaration)->decls())
        if (auto *Var = dyn_cast<VarDecl>(D); Var && hasAutomaticDtor(*Var))
          Locals.push_back(Var);
  });
  return Locals;
}

} // namespace

unsigned addHandlerEdges(CFG &Graph) {
  llvm::SmallVector<TryDispatch, 2> Trys;
  for (const CFGBlock *Dispatch :
       llvm::make_range(Graph.try_blocks_begin(), Graph.try_blocks_end()))
    if (const auto *Try =
            dyn_cast_or_null<CXXTryStmt>(Dispatch->getTerminatorStmt()))
      Trys.push_back({Try, const_cast<CFGBlock *>(Dispatch)});
  if (Trys.empty())
    return 0;
  // The innermost try block around each own statement: walking the try
  // statements outermost first (by how many try blocks hold each) lets a
  // nested one win.
  llvm::DenseMap<const Stmt *, unsigned> Depth;
  for (const TryDispatch &Outer : Trys)
    forEachOwnStmt(Outer.Try->getTryBlock(), [&](const Stmt &S) {
      if (isa<CXXTryStmt>(S))
        ++Depth[&S];
    });
  llvm::stable_sort(Trys, [&](const TryDispatch &A, const TryDispatch &B) {
    return Depth.lookup(A.Try) < Depth.lookup(B.Try);
  });
  llvm::DenseMap<const Stmt *, unsigned> Innermost;
  for (unsigned I = 0; I < Trys.size(); ++I)
    forEachOwnStmt(Trys[I].Try->getTryBlock(),
                   [&](const Stmt &S) { Innermost[&S] = I; });
  // Each block with a suspension point, once per try it is in.
  llvm::SmallVector<std::pair<CFGBlock *, unsigned>, 4> Edges;
  for (CFGBlock *Block : Graph)
    for (const CFGElement &Element : *Block)
      if (auto S = Element.getAs<CFGStmt>();
          S && isa<CoroutineSuspendExpr>(S->getStmt()))
        if (auto It = Innermost.find(S->getStmt());
            It != Innermost.end() &&
            !llvm::is_contained(Edges, std::make_pair(Block, It->second)))
          Edges.push_back({Block, It->second});
  BumpVectorContext &Context = Graph.getBumpVectorContext();
  for (auto [Block, Index] : Edges) {
    CFGBlock *Landing = Graph.createBlock();
    CXXTryStmt *Try = const_cast<CXXTryStmt *>(Trys[Index].Try);
    Landing->setLabel(Try);
    for (VarDecl *Var : llvm::reverse(unwoundLocals(*Try)))
      Landing->appendAutomaticObjDtor(Var, Try->getTryBlock(), Context);
    Block->addSuccessor(CFGBlock::AdjacentBlock(Landing, true), Context);
    Landing->addSuccessor(CFGBlock::AdjacentBlock(Trys[Index].Dispatch, true),
                          Context);
  }
  return Edges.size();
}

bool isHandlerLanding(const CFGBlock &Block) {
  return isa_and_nonnull<CXXTryStmt>(Block.getLabel());
}

unsigned builtSuccessors(const CFGBlock &Block) {
  unsigned Count = Block.succ_size();
  while (Count > 0) {
    const CFGBlock *Last = *(Block.succ_begin() + (Count - 1));
    if (!Last || !isHandlerLanding(*Last))
      break;
    --Count;
  }
  return Count;
}

} // namespace clang::tidy::async::model
