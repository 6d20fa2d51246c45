//===--- CoroutineCalls.cpp - async-lint ----------------------------------===//

#include "CoroutineCalls.h"
#include "AnalysisSession.h"
#include "Awaitables.h"
#include "CallInfo.h"
#include "NameMatcher.h"
#include "SkippedBodies.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

CoroutineCall coroutineCall(const CallExpr &Call, const FunctionDecl &Coro,
                            const Stmt &CallerBody,
                            llvm::function_ref<const TaskFlow &()> Flow,
                            AnalysisSession *Session) {
  // A body the parser skipped is not "defined elsewhere": no rule about
  // declared-only coroutines applies, and no body is there to read.
  bool Declared = definedElsewhere(Coro);
  Laziness L = !Declared ? lazinessOfCoroutine(Coro)
               : Session ? Session->lazinessOfEveryPromise(Coro.getReturnType())
                         : lazinessOfEveryPromise(Coro.getReturnType());
  return CoroutineCall{Call, Coro, CallerBody, Flow, L, Declared};
}

CallObject callObject(const CallExpr &Call, const FunctionDecl &Callee,
                      bool ExplicitObjectOperators) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Callee);
  CallObject Result;
  Result.Instance = Method && Method->isInstance() &&
                    !Method->isExplicitObjectMemberFunction();
  bool OperatorObject = ExplicitObjectOperators ? Method && Method->isInstance()
                                                : Result.Instance;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    Result.Object = Member->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(Call) && OperatorObject) {
    Result.Object = Call.getArg(0);
    Result.Offset = 1;
  }
  return Result;
}

bool refersThrough(const ParmVarDecl &Param, const NameMatcher &ViewTypes,
                   bool ReferenceWrappers) {
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
  std::string Name = canonicalName(*RD);
  return ViewTypes.matches(Name) ||
         (ReferenceWrappers && Name == "::std::reference_wrapper");
}

bool isLibraryTaskCall(const CallExpr &Call, const Library &Lib) {
  std::optional<CallInfo> Info = describeCall(Call);
  if (!Info)
    return true;
  for (const NameMatcher *List :
       {&Lib.SpawnFunctions, &Lib.CombinatorFunctions, &Lib.KeepAliveFunctions,
        &Lib.SyncWaitFunctions})
    if (anyNameMatches(*List, *Info))
      return true;
  return false;
}

bool takesTask(const ParmVarDecl &Param) {
  QualType T = Param.getType().getNonReferenceType();
  return isTaskType(T) || isAwaitableType(T);
}

} // namespace clang::tidy::async::model
