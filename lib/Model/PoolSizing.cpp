//===--- PoolSizing.cpp - async-lint --------------------------------------===//

#include "PoolSizing.h"
#include "CoroutineModel.h"
#include "Expressions.h"
#include "JoinedBatches.h"
#include "NameMatcher.h"
#include "RangeSizes.h"
#include "SetupMembers.h"
#include "StaticLoopBounds.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"

namespace clang::tidy::async::model {

namespace {

const CXXRecordDecl *canonicalRecord(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return RD ? RD->getCanonicalDecl() : nullptr;
}

/// The class whose objects \p FD makes: the class of a constructor, or of a
/// static member function returning one by value, pointer or smart pointer
/// (a class template whose first argument is the class).
const CXXRecordDecl *classMade(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (!Method)
    return nullptr;
  const CXXRecordDecl *Class = Method->getParent()->getCanonicalDecl();
  if (isa<CXXConstructorDecl>(Method))
    return Class;
  if (!Method->isStatic())
    return nullptr;
  QualType T = Method->getReturnType().getNonReferenceType();
  if (!T->getPointeeType().isNull())
    T = T->getPointeeType();
  const CXXRecordDecl *Made = canonicalRecord(T);
  if (Made == Class)
    return Class;
  const auto *Holder = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Holder || Holder->getTemplateArgs().size() == 0 ||
      Holder->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  return canonicalRecord(Holder->getTemplateArgs()[0].getAsType()) == Class
             ? Class
             : nullptr;
}

/// True when \p Owner, with members stripped, names a data member of
/// \p Class (`d` in `d->threads`, raw or smart pointer, or `this->d`).
bool isOwnMember(const Expr *Owner, const CXXRecordDecl *Class) {
  Owner =
      Owner ? strip(Owner->IgnoreParenImpCasts(), Wrappers::Syntax) : nullptr;
  if (const auto *Arrow = dyn_cast_or_null<CXXOperatorCallExpr>(Owner);
      Arrow && Arrow->getOperator() == OO_Arrow && Arrow->getNumArgs() == 1)
    Owner = strip(Arrow->getArg(0)->IgnoreParenImpCasts(), Wrappers::Syntax);
  const auto *Member = dyn_cast_or_null<MemberExpr>(Owner);
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  return Field && Field->getParent()->getCanonicalDecl() == Class;
}

/// The data member of \p Class that \p E names (`workers`, `this->workers`,
/// `made->workers`), or one of its private data, a class nested in \p Class
/// that it holds through a data member (a pimpl: `d->threads`).
const FieldDecl *memberOf(const Expr *E, const CXXRecordDecl *Class) {
  const auto *Member = dyn_cast_or_null<MemberExpr>(strip(E, Wrappers::Syntax));
  const auto *Field =
      Member ? dyn_cast<FieldDecl>(Member->getMemberDecl()) : nullptr;
  if (!Field)
    return nullptr;
  const RecordDecl *Parent = Field->getParent();
  if (Parent->getCanonicalDecl() == Class)
    return Field;
  const auto *Outer = dyn_cast<CXXRecordDecl>(Parent->getDeclContext());
  bool Pimpl = Outer && Outer->getCanonicalDecl() == Class &&
               isOwnMember(Member->getBase(), Class);
  return Pimpl ? Field : nullptr;
}

/// The class whose object keeps \p Field: its own, or the one whose
/// private data it is.
const CXXRecordDecl *keeperOf(const FieldDecl &Field) {
  const RecordDecl *Parent = Field.getParent();
  const auto *Outer = dyn_cast<CXXRecordDecl>(Parent->getDeclContext());
  return Outer ? Outer->getCanonicalDecl()
               : cast<CXXRecordDecl>(Parent)->getCanonicalDecl();
}

/// The data member of \p Class that keeps what \p Spawn starts, found in
/// \p Body: the container of threads \p Spawn adds to (`workers.emplace_back
/// (...)`), or the container that an insertion adds \p Spawn's result to
/// (`done.push_back(std::async(...))`).
const FieldDecl *keptIn(const CallExpr &Spawn, const Stmt *Body,
                        const CXXRecordDecl *Class) {
  const FieldDecl *Found = nullptr;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Insert = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Method = Insert ? Insert->getMethodDecl() : nullptr;
    if (Found || !Method || !Method->getIdentifier() ||
        !llvm::is_contained(
            {"push_back", "emplace_back", "push", "emplace", "insert"},
            Method->getName()))
      return;
    bool Inserts = Insert == &Spawn ||
                   llvm::any_of(Insert->arguments(), [&](const Expr *Arg) {
                     return strip(Arg, Wrappers::Object) == &Spawn;
                   });
    if (Inserts)
      Found = memberOf(Insert->getImplicitObjectArgument(), Class);
  });
  return Found;
}

/// True when \p Function's body, or a member function of its class that it
/// calls (shutdown(), stop()), names \p Field; \p Depth bounds the calls.
bool reaches(const FunctionDecl &Function, const FieldDecl &Field,
             unsigned Depth) {
  const FunctionDecl *Definition = Function.getDefinition();
  const Stmt *Body = Definition ? Definition->getBody() : nullptr;
  bool Found = false;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    if (Found)
      return;
    if (const auto *Member = dyn_cast<MemberExpr>(&S))
      Found = Member->getMemberDecl() == &Field;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&S);
    const CXXMethodDecl *Callee = Call ? Call->getMethodDecl() : nullptr;
    if (!Found && Depth > 0 && Callee &&
        (Callee->getParent()->getCanonicalDecl() ==
             Field.getParent()->getCanonicalDecl() ||
         Callee->getParent()->getCanonicalDecl() == keeperOf(Field)))
      Found = reaches(*Callee, Field, Depth - 1);
  });
  return Found;
}

/// True when the workers in \p Field are joined or stopped with the object:
/// they join themselves when destroyed (a container of std::jthread), or
/// the class's own destructor reaches the member. A destructor defined in
/// another unit is taken at its word.
bool stoppedWithObject(const FieldDecl &Field) {
  const auto *Container = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Field.getType()->getAsCXXRecordDecl());
  if (Container && Container->getTemplateArgs().size() > 0 &&
      Container->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      canonicalTypeName(Container->getTemplateArgs()[0].getAsType()) ==
          "::std::jthread")
    return true;
  // The private data's field: the keeping class's destructor.
  const auto *Class = dyn_cast<CXXRecordDecl>(Field.getParent());
  if (Class && keeperOf(Field) != Class->getCanonicalDecl() &&
      (!Class->getDestructor() || Class->getDestructor()->isImplicit()))
    Class = keeperOf(Field);
  const CXXDestructorDecl *Destructor =
      Class ? Class->getDestructor() : nullptr;
  if (!Destructor || Destructor->isImplicit() || Destructor->isDefaulted())
    return false;
  return !Destructor->isDefined() || reaches(*Destructor, Field, /*Depth=*/2);
}

/// The function whose run runs the body of \p FD, the call operator of a
/// lambda that function makes and runs there: calls in place (`[&] { ...
/// }()`) or keeps in a local that it only calls. Null otherwise.
const FunctionDecl *hostOf(const FunctionDecl &FD) {
  const auto *Op = dyn_cast<CXXMethodDecl>(&FD);
  if (!Op || !isLambdaCallOperator(FD))
    return nullptr;
  const CXXRecordDecl *Closure = Op->getParent();
  const auto *Outer = dyn_cast<FunctionDecl>(Closure->getDeclContext());
  if (!Outer)
    return nullptr;
  llvm::SmallVector<const CallExpr *, 2> Calls;
  if (localLambdaCalls(*Op, Calls))
    return Outer;
  bool InPlace = false;
  forEachOwnStmt(Outer->getBody(), [&](const Stmt &S) {
    const auto *Call = dyn_cast<CXXOperatorCallExpr>(&S);
    const auto *Lambda = Call && Call->getOperator() == OO_Call
                             ? dyn_cast_or_null<LambdaExpr>(
                                   strip(Call->getArg(0), Wrappers::Object))
                             : nullptr;
    InPlace |= Lambda && Lambda->getLambdaClass() == Closure;
  });
  return InPlace ? Outer : nullptr;
}

/// True when something in \p Body (nested lambdas included) may grow the
/// local \p Var: assigns it, or adds to it by a non-const member.
bool grownIn(const Stmt *Body, const VarDecl &Var) {
  if (!Body)
    return false;
  if (auto [Target, Value] = assignmentParts(Body);
      Target && namedDecl(Target) == &Var)
    return true;
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Body);
  const CXXMethodDecl *Method = Call ? Call->getMethodDecl() : nullptr;
  if (Method && Method->getIdentifier() && !Method->isConst() &&
      namedDecl(Call->getImplicitObjectArgument()) == &Var &&
      llvm::is_contained({"push_back", "emplace_back", "push_front",
                          "emplace_front", "push", "emplace", "insert",
                          "resize", "append", "assign", "swap"},
                         Method->getName()))
    return true;
  return llvm::any_of(Body->children(),
                      [&](const Stmt *Child) { return grownIn(Child, Var); });
}

/// True when \p E is fixed by what the sizing function \p Host is given:
/// a constant, one of its parameters, a const or integer global, a data
/// member that only the set-up members fill, a local made from such values
/// and grown nowhere, or a call (or construction) given only such values
/// or objects made from nothing (`topology{}.distribute(workers_, n)`),
/// at least one of them sized: a call given nothing reads its input from
/// elsewhere.
bool madeFromSize(const Expr *E, const FunctionDecl &Host, ASTContext &Ctx,
                  unsigned Depth = 0) {
  E = strip(E, Wrappers::Object);
  if (!E || Depth > 4)
    return false;
  if (!E->isValueDependent() && E->isIntegerConstantExpr(Ctx))
    return true;
  if (const auto *Member = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = strip(Member->getBase(), Wrappers::Object);
    return isa<FieldDecl>(Member->getMemberDecl()) && !growsWithInput(E) &&
           (isa<CXXThisExpr>(Base) || madeFromSize(Base, Host, Ctx, Depth + 1));
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (isa<EnumConstantDecl>(Ref->getDecl()))
      return true;
    if (!Var)
      return false;
    if (isa<ParmVarDecl>(Var))
      return Var->getDeclContext() == &Host;
    if (Var->hasGlobalStorage())
      return Var->getType().isConstQualified() ||
             Var->getType()->isIntegerType();
    return Var->getInit() && !grownIn(Host.getBody(), *Var) &&
           madeFromSize(Var->getInit(), Host, Ctx, Depth + 1);
  }
  llvm::SmallVector<const Expr *, 4> Inputs;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    Inputs.append(Call->arg_begin(), Call->arg_end());
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      Inputs.push_back(Member->getImplicitObjectArgument());
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    Inputs.append(Construct->arg_begin(), Construct->arg_end());
  } else {
    return false;
  }
  bool Sized = false;
  for (const Expr *Input : Inputs) {
    const Expr *Made = strip(Input, Wrappers::Object);
    const auto *Blank = dyn_cast_or_null<CXXConstructExpr>(Made);
    const auto *List = dyn_cast_or_null<InitListExpr>(Made);
    if (isa<CXXDefaultArgExpr>(Input) || (Blank && Blank->getNumArgs() == 0) ||
        (List && List->getNumInits() == 0))
      continue;
    if (!madeFromSize(Input, Host, Ctx, Depth + 1))
      return false;
    Sized = true;
  }
  return Sized;
}

/// True when \p Loop runs a number of times that what \p Host is given
/// fixes: a counting loop bounded by it (staticallyBounded with \p Host
/// sizing), or a range-based for over a range made from it (madeFromSize:
/// one node per worker of a plan made from the pool's size).
bool boundBySize(const Stmt &Loop, const FunctionDecl &Host, ASTContext &Ctx) {
  if (staticallyBounded(Loop, Ctx, &Host))
    return true;
  const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop);
  return Range && madeFromSize(Range->getRangeInit(), Host, Ctx);
}

} // namespace

bool sizesPool(const FunctionDecl &FD, const Stmt &Loop, ASTContext &Ctx,
               llvm::function_ref<bool(const CallExpr &)> IsSpawn) {
  // A lambda the function runs in place does what the function does.
  const FunctionDecl *Host = &FD;
  for (unsigned Depth = 0; Host && isLambdaCallOperator(*Host) && Depth < 3;
       ++Depth)
    Host = hostOf(*Host);
  if (!Host)
    return false;
  // A constructor or a factory makes the pool; any other member sets one
  // up only when it is a set-up member for the member it fills.
  const CXXRecordDecl *Class = classMade(*Host);
  const auto *SetUp = Class ? nullptr : dyn_cast<CXXMethodDecl>(Host);
  if (SetUp && !SetUp->isStatic() && !isLambdaCallOperator(*SetUp))
    Class = SetUp->getParent()->getCanonicalDecl();
  if (!Class || !boundBySize(Loop, *Host, Ctx))
    return false;
  const Stmt *Body = loopBody(Loop);
  bool Spawns = false;
  bool AllKept = true;
  forEachOwnStmt(Body, [&](const Stmt &S) {
    const auto *Call = dyn_cast<CallExpr>(&S);
    if (!AllKept || !Call || !IsSpawn(*Call))
      return;
    Spawns = true;
    const FieldDecl *Kept = keptIn(*Call, Body, Class);
    // A set-up member other than a constructor: its own data members only.
    AllKept = Kept && stoppedWithObject(*Kept) &&
              (!SetUp || (Kept->getParent()->getCanonicalDecl() == Class &&
                          setUpMember(*SetUp, *Kept)));
  });
  return Spawns && AllKept;
}

} // namespace clang::tidy::async::model
