//===--- Awaitables.cpp - async-lint --------------------------------------===//

#include "Awaitables.h"
#include "ClassNames.h"
#include "CoroutineModel.h"
#include "NameMatcher.h"
#include "ResolvedTypes.h"
#include "SkippedBodies.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::tidy::async::model {

namespace {

DeclarationName identifier(const ASTContext &Ctx, llvm::StringRef Name) {
  return DeclarationName(&const_cast<ASTContext &>(Ctx).Idents.get(Name));
}

/// \p RD's definition, or, for a member of a class template specialisation
/// that has not been instantiated, the member of the template it comes from
/// (enough to read declarations such as initial_suspend's return type).
const CXXRecordDecl *definitionOrPattern(const CXXRecordDecl *RD) {
  for (unsigned Depth = 0; RD && Depth < 4; ++Depth) {
    if (const CXXRecordDecl *Def = RD->getDefinition())
      return Def;
    if (const CXXRecordDecl *Member = RD->getInstantiatedFromMemberClass()) {
      RD = Member;
      continue;
    }
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      RD = Spec->getSpecializedTemplate()->getTemplatedDecl();
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// The class a base specifier names, or, for a dependent base, the pattern
/// of its class template.
const CXXRecordDecl *baseRecord(const CXXBaseSpecifier &Base) {
  QualType T = Base.getType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD;
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
      return dyn_cast_or_null<CXXRecordDecl>(TD->getTemplatedDecl());
  return nullptr;
}

/// The members named \p Name of \p RD and its bases, to a bounded depth. A
/// class template specialisation that was never instantiated (a function
/// that returns it is only declared) is read from its template.
void lookupMembers(const CXXRecordDecl *RD, DeclarationName Name,
                   llvm::SmallVectorImpl<const NamedDecl *> &Found,
                   unsigned Depth = 0) {
  if (!RD || Depth > 8)
    return;
  RD = definitionOrPattern(RD);
  if (!RD)
    return;
  for (const NamedDecl *ND : RD->lookup(Name))
    Found.push_back(ND);
  if (!Found.empty())
    return;
  for (const CXXBaseSpecifier &Base : RD->bases())
    lookupMembers(baseRecord(Base), Name, Found, Depth + 1);
}

bool hasMember(const CXXRecordDecl *RD, DeclarationName Name) {
  llvm::SmallVector<const NamedDecl *, 2> Found;
  lookupMembers(RD, Name, Found);
  return !Found.empty();
}

/// True when some await_suspend of \p RD can take the awaiting coroutine's
/// handle (one parameter, or a template): a member of that name that takes
/// none makes no awaiter.
bool suspendTakesHandle(const CXXRecordDecl *RD, const ASTContext &Ctx) {
  llvm::SmallVector<const NamedDecl *, 2> Found;
  lookupMembers(RD, identifier(Ctx, "await_suspend"), Found);
  return llvm::any_of(Found, [](const NamedDecl *ND) {
    const auto *FD = dyn_cast<FunctionDecl>(ND->getUnderlyingDecl());
    return !FD || (FD->getMinRequiredArguments() <= 1 &&
                   (FD->getNumParams() >= 1 || FD->isVariadic()));
  });
}

/// The class template a type names, written or instantiated.
const TemplateDecl *classTemplateOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getUnqualifiedType();
  if (const auto *TST = T->getAs<TemplateSpecializationType>())
    return TST->getTemplateName().getAsTemplateDecl();
  if (const auto *Injected = T->getAs<InjectedClassNameType>())
    return Injected->getDecl()->getDescribedClassTemplate();
  if (const auto *Spec =
          dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(T)))
    return Spec->getSpecializedTemplate();
  return nullptr;
}

/// The class template \p RD was instantiated from, if any.
const TemplateDecl *classTemplateOf(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    return Spec->getSpecializedTemplate();
  return RD ? RD->getDescribedClassTemplate() : nullptr;
}

bool sameTemplate(const TemplateDecl *A, const TemplateDecl *B) {
  return A && B && A->getCanonicalDecl() == B->getCanonicalDecl();
}

/// True when a parameter of type \p Param takes an object of class \p RD:
/// the same class, or the same class template.
bool parameterTakes(QualType Param, const CXXRecordDecl *RD) {
  if (!RD)
    return false;
  const CXXRecordDecl *P = recordOf(Param);
  if (P && P->getCanonicalDecl() == RD->getCanonicalDecl())
    return true;
  const TemplateDecl *PT = classTemplateOf(Param), *AT = classTemplateOf(RD);
  return sameTemplate(PT, AT);
}

/// A namespace-scope operator co_await whose parameter is \p RD.
bool hasFreeCoAwait(const CXXRecordDecl *RD, DeclarationName OpName) {
  const DeclContext *NS = RD->getEnclosingNamespaceContext();
  if (!NS)
    return false;
  for (const NamedDecl *ND : NS->lookup(OpName)) {
    const FunctionDecl *FD = ND->getAsFunction();
    if (FD && FD->getNumParams() == 1 &&
        parameterTakes(FD->getParamDecl(0)->getType(), RD))
      return true;
  }
  return false;
}

/// True when an await_suspend of the awaiter \p Awaiter does something with
/// the handle it is given: it passes it on (posts it to an executor, stores
/// it for someone to resume) or resumes it. A coroutine whose initial
/// awaiter does so runs without being awaited (concurrencpp's coroutines
/// that take executor_tag are posted to their executor); the empty
/// await_suspend of std::suspend_always leaves it to whoever awaits it.
bool handsOnHandle(QualType Awaiter) {
  const CXXRecordDecl *RD = recordOf(Awaiter);
  if (!RD)
    return false;
  llvm::SmallVector<const NamedDecl *, 2> Found;
  lookupMembers(RD, identifier(RD->getASTContext(), "await_suspend"), Found);
  for (const NamedDecl *ND : Found) {
    const FunctionDecl *Fn = ND->getAsFunction();
    const FunctionDecl *Def = nullptr;
    if (!Fn || !Fn->hasBody(Def) || !Def || Def->getNumParams() == 0)
      continue;
    const ParmVarDecl *Handle = Def->getParamDecl(0);
    bool Used = false;
    forEachOwnStmt(Def->getBody(), [&](const Stmt &S) {
      const auto *Ref = dyn_cast<DeclRefExpr>(&S);
      Used = Used || (Ref && Ref->getDecl() == Handle);
    });
    if (Used)
      return true;
  }
  return false;
}

/// The record a promise_type member names.
const CXXRecordDecl *promiseMember(const CXXRecordDecl *RD) {
  if (!RD)
    return nullptr;
  llvm::SmallVector<const NamedDecl *, 1> Found;
  lookupMembers(RD, identifier(RD->getASTContext(), "promise_type"), Found);
  for (const NamedDecl *ND : Found) {
    if (const auto *Record = dyn_cast<CXXRecordDecl>(ND))
      return Record;
    if (const auto *Alias = dyn_cast<TypedefNameDecl>(ND)) {
      QualType T = Alias->getUnderlyingType();
      if (const CXXRecordDecl *Record = recordOf(T))
        return Record;
      // A dependent promise in a partial specialisation: its pattern.
      if (const TemplateDecl *Template = classTemplateOf(T))
        return dyn_cast_or_null<CXXRecordDecl>(Template->getTemplatedDecl());
    }
  }
  return nullptr;
}

const ClassTemplateDecl *coroutineTraits(const ASTContext &Ctx) {
  const TranslationUnitDecl *TU = Ctx.getTranslationUnitDecl();
  for (const NamedDecl *Std : TU->lookup(identifier(Ctx, "std")))
    if (const auto *NS = dyn_cast<NamespaceDecl>(Std))
      for (const NamedDecl *ND :
           NS->lookup(identifier(Ctx, "coroutine_traits")))
        if (const auto *CTD = dyn_cast<ClassTemplateDecl>(ND))
          return CTD;
  return nullptr;
}

} // namespace

bool isAwaitableType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isDependentType())
    return false;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !definitionOrPattern(RD))
    return false;
  const ASTContext &Ctx = RD->getASTContext();
  if (hasMember(RD, identifier(Ctx, "await_ready")) &&
      suspendTakesHandle(RD, Ctx) &&
      hasMember(RD, identifier(Ctx, "await_resume")))
    return true;
  DeclarationName CoAwait = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  return hasMember(RD, CoAwait) || hasFreeCoAwait(RD, CoAwait);
}

namespace {

/// What the specialisations of std::coroutine_traits for \p T (as the first
/// argument) name as the promise: the one for T alone, and the one the
/// others agree on (the first, with Disagree when another differs).
struct SpecialisedPromise {
  const CXXRecordDecl *Alone = nullptr;
  const CXXRecordDecl *Agreed = nullptr;
  bool Disagree = false;
};

SpecialisedPromise specialisedPromise(const ClassTemplateDecl &Traits,
                                      QualType T) {
  SpecialisedPromise Result;
  for (const ClassTemplateSpecializationDecl *Spec : Traits.specializations()) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() == 0 || Args[0].getKind() != TemplateArgument::Type ||
        Args[0].getAsType().getCanonicalType() != T)
      continue;
    const CXXRecordDecl *Promise = promiseMember(Spec);
    if (!Promise)
      continue;
    bool Alone =
        Args.size() == 1 ||
        (Args.size() == 2 && Args[1].getKind() == TemplateArgument::Pack &&
         Args[1].pack_size() == 0);
    if (Alone) {
      Result.Alone = Promise;
      return Result;
    }
    if (Result.Agreed &&
        Result.Agreed->getCanonicalDecl() != Promise->getCanonicalDecl())
      Result.Disagree = true;
    Result.Agreed = Result.Agreed ? Result.Agreed : Promise;
  }
  return Result;
}

/// The promise a partial specialisation of \p Traits for \p T's class
/// template names (asio::awaitable's), the first declared; null otherwise.
const CXXRecordDecl *
partiallySpecialisedPromise(const ClassTemplateDecl &Traits, QualType T) {
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl &>(Traits).getPartialSpecializations(Partials);
  const TemplateDecl *Template = classTemplateOf(T);
  for (const ClassTemplatePartialSpecializationDecl *Partial : Partials) {
    const TemplateArgumentList &Args = Partial->getTemplateArgs();
    if (Template && Args.size() > 0 &&
        Args[0].getKind() == TemplateArgument::Type &&
        sameTemplate(classTemplateOf(Args[0].getAsType()), Template))
      if (const CXXRecordDecl *Promise = promiseMember(Partial))
        return Promise;
  }
  return nullptr;
}

} // namespace

const CXXRecordDecl *promiseTypeOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (T->isDependentType() || !T->isRecordType())
    return nullptr;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  const ClassTemplateDecl *Traits = coroutineTraits(RD->getASTContext());
  if (!Traits)
    return promiseMember(RD);
  // Every coroutine of the translation unit instantiated the traits for its
  // return type; an explicit specialisation is there too. The traits may
  // choose the promise by the parameter types as well (concurrencpp
  // reschedules a coroutine whose first parameter is executor_tag), and the
  // specialisations are listed in the order the unit's coroutines
  // instantiated them: the answer for the type alone must not depend on
  // which coroutine came first. So: the traits of T alone, else the one
  // promise every specialisation agrees on, else what the declarations say
  // for any other argument list (T's own promise_type, which the primary
  // template names, then the partial specialisations in the order they are
  // declared).
  SpecialisedPromise Specialised = specialisedPromise(*Traits, T);
  if (Specialised.Alone)
    return Specialised.Alone;
  if (Specialised.Agreed && !Specialised.Disagree)
    return Specialised.Agreed;
  if (const CXXRecordDecl *Own = promiseMember(RD))
    return Own;
  if (const CXXRecordDecl *Partial = partiallySpecialisedPromise(*Traits, T))
    return Partial;
  return Specialised.Agreed;
}

std::optional<bool> constantAwaitReady(QualType Awaiter) {
  const CXXRecordDecl *RD = recordOf(Awaiter);
  if (!RD || Awaiter->isDependentType())
    return std::nullopt;
  llvm::SmallVector<const NamedDecl *, 2> Found;
  lookupMembers(RD, identifier(RD->getASTContext(), "await_ready"), Found);
  if (Found.size() != 1)
    return std::nullopt;
  const auto *Method = dyn_cast<CXXMethodDecl>(Found.front());
  const FunctionDecl *Def = nullptr;
  if (!Method || !Method->hasBody(Def) || !Def)
    return std::nullopt;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
  const Expr *Value = Return ? Return->getRetValue() : nullptr;
  if (!Value || Value->isValueDependent() || Value->isTypeDependent())
    return std::nullopt;
  bool Result = false;
  if (!Value->EvaluateAsBooleanCondition(Result, Def->getASTContext()))
    return std::nullopt;
  return Result;
}

bool isInertAwaiter(QualType Awaiter) {
  if (constantAwaitReady(Awaiter) != true)
    return false;
  const CXXRecordDecl *RD = recordOf(Awaiter);
  llvm::SmallVector<const NamedDecl *, 2> Found;
  lookupMembers(RD, identifier(RD->getASTContext(), "await_resume"), Found);
  const auto *Method =
      Found.size() == 1 ? dyn_cast<CXXMethodDecl>(Found.front()) : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!Method || !Method->hasBody(Def) || !Def)
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  return Body && Body->body_empty();
}

bool yieldsValues(QualType T) {
  const CXXRecordDecl *Promise = promiseTypeOf(T);
  if (!Promise)
    return false;
  llvm::SmallVector<const NamedDecl *, 1> Found;
  lookupMembers(Promise, identifier(Promise->getASTContext(), "yield_value"),
                Found);
  return !Found.empty();
}

bool isSynchronousGenerator(QualType T) {
  return yieldsValues(T) && !isAwaitableType(T);
}

Laziness lazinessOf(QualType T) { return lazinessOfPromise(promiseTypeOf(T)); }

bool lazinessHidden(QualType T) {
  const CXXRecordDecl *Promise = promiseTypeOf(T);
  if (!Promise)
    return false;
  llvm::SmallVector<const NamedDecl *, 1> Initial, Ready;
  lookupMembers(Promise,
                identifier(Promise->getASTContext(), "initial_suspend"),
                Initial);
  const FunctionDecl *Suspend =
      Initial.size() == 1 ? Initial.front()->getAsFunction() : nullptr;
  const CXXRecordDecl *Awaiter =
      Suspend ? recordOf(Suspend->getReturnType()) : nullptr;
  if (!Awaiter)
    return false;
  lookupMembers(Awaiter, identifier(Awaiter->getASTContext(), "await_ready"),
                Ready);
  const FunctionDecl *IsReady =
      Ready.size() == 1 ? Ready.front()->getAsFunction() : nullptr;
  return IsReady && bodySkipped(*IsReady);
}

Laziness lazinessOfEveryPromise(QualType T) {
  const CXXRecordDecl *First = promiseTypeOf(T);
  if (!First)
    return Laziness::Unknown;
  Laziness Result = lazinessOfPromise(First);
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  const ClassTemplateDecl *Traits = coroutineTraits(First->getASTContext());
  if (!Traits || Result == Laziness::Unknown)
    return Result;
  // A specialisation of the traits for T must name a promise: one this
  // cannot resolve (a dependent member of another type) may be anything.
  auto Agrees = [&](const CXXRecordDecl *Promise) {
    return Promise && lazinessOfPromise(Promise) == Result;
  };
  if (const CXXRecordDecl *Own = promiseMember(T->getAsCXXRecordDecl());
      Own && !Agrees(Own))
    return Laziness::Unknown;
  for (const ClassTemplateSpecializationDecl *Spec :
       Traits->specializations()) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
        Args[0].getAsType().getCanonicalType() == T &&
        !Agrees(promiseMember(Spec)))
      return Laziness::Unknown;
  }
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(Traits)->getPartialSpecializations(Partials);
  const TemplateDecl *Template = classTemplateOf(T);
  for (const ClassTemplatePartialSpecializationDecl *Partial : Partials) {
    const TemplateArgumentList &Args = Partial->getTemplateArgs();
    if (Template && Args.size() > 0 &&
        Args[0].getKind() == TemplateArgument::Type &&
        sameTemplate(classTemplateOf(Args[0].getAsType()), Template) &&
        !Agrees(promiseMember(Partial)))
      return Laziness::Unknown;
  }
  return Result;
}

Laziness lazinessOfCoroutine(const FunctionDecl &Coro) {
  const CoroutineBodyStmt *Body = getCoroutineBody(Coro);
  const VarDecl *Promise = Body ? Body->getPromiseDecl() : nullptr;
  if (!Promise)
    return lazinessOf(Coro.getReturnType());
  return lazinessOfPromise(Promise->getType()->getAsCXXRecordDecl());
}

Laziness lazinessOfPromise(const CXXRecordDecl *Promise) {
  if (!Promise)
    return Laziness::Unknown;
  llvm::SmallVector<const NamedDecl *, 1> Found;
  lookupMembers(Promise,
                identifier(Promise->getASTContext(), "initial_suspend"), Found);
  if (Found.size() != 1)
    return Laziness::Unknown;
  const FunctionDecl *Initial = Found.front()->getAsFunction();
  if (!Initial)
    return Laziness::Unknown;
  std::optional<bool> Ready = constantAwaitReady(Initial->getReturnType());
  if (!Ready)
    return Laziness::Unknown;
  if (*Ready || handsOnHandle(Initial->getReturnType()))
    return Laziness::Eager;
  return Laziness::Lazy;
}

bool canAwaitIn(const FunctionDecl &Coro, QualType T) {
  const FunctionDecl *Def = nullptr;
  if (!Coro.hasBody(Def) || !Def || T.isNull() || T->isDependentType())
    return false;
  const CoroutineBodyStmt *Body = getCoroutineBody(*Def);
  if (!Body || !Body->getPromiseDecl())
    return false;
  const CXXRecordDecl *Promise = recordOf(Body->getPromiseDecl()->getType());
  if (!Promise || Promise->isDependentContext())
    return false;
  llvm::SmallVector<const NamedDecl *, 4> Transforms;
  lookupMembers(Promise,
                identifier(Promise->getASTContext(), "await_transform"),
                Transforms);
  if (Transforms.empty())
    return isAwaitableType(T);
  // Only an await_transform that names T's class (or class template) is
  // known to take it; a fully generic one may be constrained away.
  for (const NamedDecl *ND : Transforms) {
    const FunctionDecl *FD = ND->getAsFunction();
    if (FD && FD->getNumParams() == 1 &&
        parameterTakes(FD->getParamDecl(0)->getType(), recordOf(T)))
      return true;
  }
  return false;
}

bool canSuspend(const CoroutineSuspendExpr &Suspend,
                const NameMatcher *NonSuspending) {
  if (NonSuspending && Suspend.getOperand())
    if (const CXXRecordDecl *Operand =
            recordOf(Suspend.getOperand()->getType()))
      if (matchesClass(*NonSuspending, Operand))
        return false;
  const Expr *Awaiter = Suspend.getCommonExpr();
  if (!Awaiter)
    return true;
  std::optional<bool> Ready = constantAwaitReady(Awaiter->getType());
  return !Ready || !*Ready;
}

} // namespace clang::tidy::async::model
