//===--- DropHandOffs.cpp - async-lint ------------------------------------===//

#include "DropHandOffs.h"
#include "StdCalls.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallSet.h"

namespace clang::tidy::async::model {

namespace {

/// Data members by their place in the class, so that a member named in the
/// body of a template member (not instantiated) is the same member as in its
/// specialisation.
using Fields = llvm::SmallSet<unsigned, 4>;

/// std::move or std::forward (isStdFunction), or, in a template's own body,
/// a lookup that finds only them.
bool isMoveCall(const CallExpr &Call) {
  if (Call.getNumArgs() != 1)
    return false;
  if (Call.getDirectCallee())
    return isStdFunction(Call, {"move", "forward"});
  const auto *Lookup = dyn_cast_or_null<UnresolvedLookupExpr>(
      Call.getCallee() ? Call.getCallee()->IgnoreParenImpCasts() : nullptr);
  return Lookup && Lookup->getNumDecls() > 0 &&
         llvm::all_of(Lookup->decls(), [](const NamedDecl *D) {
           return D->isInStdNamespace() && D->getIdentifier() &&
                  llvm::is_contained({"move", "forward"}, D->getName());
         });
}

/// The data members of 'this' that \p S moves out, lambdas it makes
/// included (bounded).
void collectMoved(const Stmt *S, Fields &Out, unsigned Depth = 0) {
  if (!S || Depth > 40)
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S); Call && isMoveCall(*Call)) {
    const auto *Member =
        dyn_cast<MemberExpr>(Call->getArg(0)->IgnoreParenImpCasts());
    const auto *Field =
        Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
    if (Field && isa<CXXThisExpr>(Member->getBase()->IgnoreParenImpCasts()))
      Out.insert(Field->getFieldIndex());
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    collectMoved(Lambda->getBody(), Out, Depth + 1);
  for (const Stmt *Child : S->children())
    collectMoved(Child, Out, Depth + 1);
}

/// The body of \p Fn, or of the template member it was instantiated from
/// when it was not instantiated (a member nobody here calls).
const Stmt *bodyOf(const FunctionDecl *Fn) {
  if (!Fn)
    return nullptr;
  if (const FunctionDecl *Def = Fn->getDefinition())
    if (const Stmt *Body = Def->getBody())
      return Body;
  const FunctionDecl *Pattern = Fn->getTemplateInstantiationPattern();
  return Pattern && Pattern->getBody() ? Pattern->getBody() : nullptr;
}

bool isAwaitingMember(const FunctionDecl &Fn) {
  if (Fn.getOverloadedOperator() == OO_Coawait)
    return true;
  const IdentifierInfo *Id = Fn.getIdentifier();
  return Id && Id->isStr("await_suspend"); // a name of the language
}

/// The members awaiting an object of \p Record moves out.
Fields movedWhenAwaited(const CXXRecordDecl &Record) {
  Fields Moved;
  for (const Decl *D : Record.decls()) {
    const auto *Fn = dyn_cast<FunctionDecl>(D);
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      Fn = Template->getTemplatedDecl();
    if (Fn && isAwaitingMember(*Fn))
      collectMoved(bodyOf(Fn), Moved);
  }
  return Moved;
}

} // namespace

bool handsOnWhenDropped(QualType T) {
  const CXXRecordDecl *Record = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  Record = Record ? Record->getDefinition() : nullptr;
  const CXXDestructorDecl *Dtor = Record ? Record->getDestructor() : nullptr;
  if (!Dtor || !Dtor->isUserProvided())
    return false;
  Fields OnDrop;
  collectMoved(bodyOf(Dtor), OnDrop);
  if (OnDrop.empty())
    return false;
  Fields OnAwait = movedWhenAwaited(*Record);
  return llvm::any_of(OnDrop, [&](unsigned F) { return OnAwait.contains(F); });
}

} // namespace clang::tidy::async::model
