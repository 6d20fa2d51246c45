//===--- HandlerEdges.h - async-lint ----------------------------*- C++ -*-===//
//
// The exceptional edges of a coroutine body's CFG that the flow questions
// need: Clang's CFG (without AddEHEdges) gives a try statement's handlers
// no predecessor, so no walk from the entry reaches them. An exception
// thrown by an awaited operation (its await_resume) or by what runs after
// it in the try block enters a handler after the coroutine suspended there;
// this adds that edge, from each suspension point of a try block, through a
// landing block that destroys the try block's locals (the unwinding), to
// the try's dispatch block.
//
//===----------------------------------------------------------------------===//

#ifndef ASYNC_LINT_MODEL_HANDLEREDGES_H
#define ASYNC_LINT_MODEL_HANDLEREDGES_H

namespace clang {
class CFG;
class CFGBlock;
} // namespace clang

namespace clang::tidy::async::model {

/// Adds to \p Graph (a function's CFG, buildFunctionCFG) an edge from every
/// block holding a suspension point (co_await, co_yield: any, whether or
/// not it can suspend) of a try block to the dispatch block of the
/// innermost such try, through a new block holding the automatic
/// destructors of the try block's locals, last declared first. The edge
/// leaves from the end of the block, so it carries what holds there (every
/// walk already passed the suspension point). Returns how many edges it
/// added. A dispatch block without a catch-all passes on to the enclosing
/// try or the exit, as Clang builds it; the enclosing try's own locals are
/// not destroyed on that way on (a may-analysis keeps them a little long).
unsigned addHandlerEdges(CFG &Graph);

/// True when \p Block is a landing block addHandlerEdges made (labelled
/// with its try statement).
bool isHandlerLanding(const CFGBlock &Block);

/// The successors of \p Block Clang built, without the edges to landing
/// blocks (added last): what a branch's true/false edges are counted in.
unsigned builtSuccessors(const CFGBlock &Block);

} // namespace clang::tidy::async::model

#endif // ASYNC_LINT_MODEL_HANDLEREDGES_H
