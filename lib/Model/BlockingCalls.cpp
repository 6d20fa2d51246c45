//===--- BlockingCalls.cpp - async-lint -----------------------------------===//

#include "BlockingCalls.h"
#include "Awaitables.h"
#include "BlockingCatalog.h"
#include "CallInfo.h"
#include "CoroutineModel.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::async::model {

namespace {

/// Lock tags (std::defer_lock, std::try_to_lock, std::adopt_lock) make a
/// lock constructor not wait.
bool hasLockTagArgument(const CXXConstructExpr &Construct) {
  for (const Expr *Arg : Construct.arguments()) {
    const auto *RD = Arg->getType()->getAsCXXRecordDecl();
    // The class's own name first: most arguments are not tags.
    if (!RD ||
        !llvm::is_contained({"defer_lock_t", "try_to_lock_t", "adopt_lock_t"},
                            RD->getName()))
      continue;
    std::string Name = canonicalName(*RD);
    if (Name == "::std::defer_lock_t" || Name == "::std::try_to_lock_t" ||
        Name == "::std::adopt_lock_t")
      return true;
  }
  return false;
}

} // namespace

bool BlockingCall::isCategory(llvm::StringRef Key) const {
  return Category != Custom && blockingCategories()[Category].Key == Key;
}

/// What the lists alone say of the call \p Call (BlockingListMemo).
static BlockingListMemo::Answer listAnswer(const CallInfo &Call,
                                           const BlockingLists &Lists) {
  for (const std::string &Name : Call.Names)
    if (Lists.AllowedFunctions.matches(Name))
      return {true, std::nullopt};
  // The program's own coroutine, or its own function of the global
  // namespace with a C library's name (accept, read, send), is not the
  // library's function: its body is read like any other. A C library's
  // function has C linkage or a system header's declaration; one declared
  // with C++ linkage in the program's own header is the program's, even
  // where its body is in another unit.
  const FunctionDecl *Def = Call.Callee->getDefinition();
  const FunctionDecl *Decl = Def ? Def : Call.Callee;
  bool Global = Decl->getDeclContext()->getRedeclContext()->isTranslationUnit();
  bool OwnFunction =
      (Def && getCoroutineBody(*Def)) ||
      (Global && (Def || !Decl->isExternC()) &&
       !Decl->getASTContext().getSourceManager().isInSystemHeader(
           Decl->getLocation()));
  llvm::ArrayRef<BlockingCategory> Categories = blockingCategories();
  for (unsigned I = 0; I < Categories.size() && !OwnFunction; ++I) {
    if (!Lists.CategoryEnabled[I])
      continue;
    for (const std::string &Name : Call.Names)
      if (Lists.CategoryNames[I].matches(Name))
        return {true, BlockingCall{"'" + displayName(Name) + "'", I}};
  }
  for (const std::string &Name : Call.Names)
    if (Lists.BlockingFunctions.matches(Name))
      return {true, BlockingCall{"'" + displayName(Name) + "'",
                                 BlockingCall::Custom}};
  return {};
}

const BlockingListMemo::Answer &
BlockingListMemo::answer(const Stmt &S, const CallInfo &Info,
                         const BlockingLists &Lists) {
  // What describeCall names the call by: its callee, the callee under the
  // object's class, the function object called (a call of operator()).
  const CXXRecordDecl *Object = Info.ObjectType.isNull()
                                    ? nullptr
                                    : Info.ObjectType->getAsCXXRecordDecl();
  const VarDecl *FunctionObject =
      isa<CXXOperatorCallExpr>(S) ? Info.ObjectVar : nullptr;
  auto [It, New] =
      Answers.try_emplace(Key(Info.Callee, Object, FunctionObject), 0);
  if (New) {
    Answer A = listAnswer(Info, Lists);
    if (A.Decided) {
      Decided.push_back(std::move(A));
      It->second = Decided.size();
    }
  }
  return It->second ? Decided[It->second - 1] : Undecided;
}

std::optional<BlockingCall> classifyBlocking(const Stmt &S,
                                             const BlockingLists &Lists,
                                             const OwnStmts *Own) {
  std::optional<CallInfo> Scratch;
  const CallInfo *Call = describeCall(S, Own, Scratch);
  if (!Call)
    return std::nullopt;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S);
      Construct && hasLockTagArgument(*Construct))
    return std::nullopt;
  if (Lists.Memo) {
    const BlockingListMemo::Answer &A = Lists.Memo->answer(S, *Call, Lists);
    if (A.Decided)
      return A.Call;
  } else if (BlockingListMemo::Answer A = listAnswer(*Call, Lists); A.Decided)
    return A.Call;

  auto CategoryIndex = [&](llvm::StringRef Key) {
    return enabledCategoryIndex(Lists, Key);
  };

  // Reading a blocking stream: std::cin >> x, std::getline(std::cin, s),
  // std::cin.get().
  const VarDecl *Stream = Call->ObjectVar ? Call->ObjectVar : Call->FirstArgVar;
  if (Stream && Lists.BlockingStreams.mayMatchSegment(Stream->getName()))
    if (llvm::StringRef Match =
            Lists.BlockingStreams.match(canonicalName(*Stream));
        !Match.empty())
      if (std::optional<unsigned> IO = CategoryIndex("io"))
        return BlockingCall{"reading '" + displayName(Match) + "'", *IO};

  // The blocking get()/wait() of a type that is itself awaitable.
  const FunctionDecl *Callee = Call->Callee;
  if (!Call->ObjectType.isNull() && Callee->getDeclName().isIdentifier() &&
      Lists.AwaitableBlockingMembers.mayMatchSegment(Callee->getName()) &&
      Lists.AwaitableBlockingMembers.matches("::" + Callee->getName().str()) &&
      isAwaitableType(Call->ObjectType))
    if (std::optional<unsigned> Result = CategoryIndex("result"))
      return BlockingCall{"'" + displayName(Call->Names.back()) + "'", *Result,
                          /*ByMemberName=*/true};
  return std::nullopt;
}

std::optional<unsigned> enabledCategoryIndex(const BlockingLists &Lists,
                                             llvm::StringRef Key) {
  llvm::ArrayRef<BlockingCategory> Categories = blockingCategories();
  for (unsigned I = 0; I < Categories.size(); ++I)
    if (Categories[I].Key == Key && Lists.CategoryEnabled[I])
      return I;
  return std::nullopt;
}

bool isAllowedBlocking(const NamedDecl &D, const BlockingLists &Lists) {
  return !Lists.AllowedFunctions.empty() &&
         Lists.AllowedFunctions.matches(canonicalName(D));
}

} // namespace clang::tidy::async::model
