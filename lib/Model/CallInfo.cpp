//===--- CallInfo.cpp - async-lint ----------------------------------------===//

#include "CallInfo.h"
#include "NameMatcher.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

const VarDecl *namedVariable(const Expr *E) {
  if (!E)
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(Ref->getDecl());
  return nullptr;
}

QualType writtenObjectType(const CXXMemberCallExpr &Call) {
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Object)
    return {};
  QualType T = Object->IgnoreParenImpCasts()->getType();
  return T->isPointerType() ? T->getPointeeType() : T;
}

const FunctionDecl *callee(const Stmt &S) {
  if (const auto *Call = dyn_cast<CallExpr>(&S))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return Construct->getConstructor();
  return nullptr;
}

} // namespace

const std::string &CallNames::of(const NamedDecl &D) {
  auto [It, New] = Names.try_emplace(&D);
  if (New)
    It->second = canonicalName(D);
  return It->second;
}

std::optional<CallInfo> describeCall(const Stmt &S, CallNames *Names) {
  auto NameOf = [&](const NamedDecl &D) {
    return Names ? Names->of(D) : canonicalName(D);
  };
  CallInfo Info;
  Info.Callee = callee(S);
  if (!Info.Callee)
    return std::nullopt;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&S)) {
    Info.ObjectType = writtenObjectType(*Member);
    Info.ObjectVar = namedVariable(Member->getImplicitObjectArgument());
  } else if (const auto *Call = dyn_cast<CallExpr>(&S);
             Call && Call->getNumArgs() > 0) {
    Info.FirstArgVar = namedVariable(Call->getArg(0));
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Call)
      Info.ObjectVar = Info.FirstArgVar;
  }

  Info.Names.push_back(NameOf(*Info.Callee));
  const CXXRecordDecl *Object = Info.ObjectType.isNull()
                                    ? nullptr
                                    : Info.ObjectType->getAsCXXRecordDecl();
  if (Object && Info.Callee->getDeclName().isIdentifier())
    Info.Names.push_back(NameOf(*Object) + "::" + Info.Callee->getName().str());
  // A function object is known by its own name only when it is declared
  // at namespace or class scope: a local callable named 'connect' is not
  // ::connect.
  if (Info.ObjectVar && isa<CXXOperatorCallExpr>(S) &&
      !Info.ObjectVar->isLocalVarDeclOrParm())
    Info.Names.push_back(NameOf(*Info.ObjectVar));
  return Info;
}

const FunctionDecl *calledDefinition(const Stmt &S) {
  const FunctionDecl *Callee = callee(S);
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->hasBody(Def))
    return nullptr;
  return Def;
}

const Expr *argumentFor(const Stmt &S, unsigned ParamIndex) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S))
    return ParamIndex < Construct->getNumArgs() ? Construct->getArg(ParamIndex)
                                                : nullptr;
  const auto *Call = dyn_cast<CallExpr>(&S);
  if (!Call)
    return nullptr;
  unsigned Index = ParamIndex;
  // A member operator's object is its first argument but no parameter
  // (unless it is an explicit object parameter, C++23).
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (const auto *Method =
            dyn_cast_or_null<CXXMethodDecl>(Op->getDirectCallee());
        Method && Method->isImplicitObjectMemberFunction())
      ++Index;
  return Index < Call->getNumArgs() ? Call->getArg(Index) : nullptr;
}

const CallExpr *callOfListed(const Stmt &S, const NameMatcher &List) {
  const auto *Call = dyn_cast<CallExpr>(&S);
  std::optional<CallInfo> Info = Call ? describeCall(*Call) : std::nullopt;
  return Info && anyNameMatches(List, *Info) ? Call : nullptr;
}

bool anyNameMatches(const NameMatcher &List, const CallInfo &Info) {
  return llvm::any_of(Info.Names,
                      [&](const std::string &N) { return List.matches(N); });
}

const Expr *completionToken(const CallExpr &Call) {
  for (unsigned I = Call.getNumArgs(); I > 0; --I)
    if (!isa<CXXDefaultArgExpr>(Call.getArg(I - 1)))
      return Call.getArg(I - 1);
  return nullptr;
}

std::string completionTokenName(const CallExpr &Call) {
  const Expr *Token = completionToken(Call);
  return Token ? canonicalTypeName(Token->getType()) : "";
}

std::string defaultedTokenName(const CallExpr &Call) {
  // The trailing defaulted arguments, the last first: the token may be
  // followed by a defaulted constraint (asio's constraint_t<...> = 0).
  for (unsigned I = Call.getNumArgs(); I > 0; --I) {
    const auto *Default = dyn_cast<CXXDefaultArgExpr>(Call.getArg(I - 1));
    if (!Default)
      return "";
    if (Default->getType()->isRecordType())
      return canonicalTypeName(Default->getType());
  }
  return "";
}

} // namespace clang::tidy::async::model
