// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

/* eslint-disable sort-keys */

export default {
  /**
   * Lookup5: pallet_balances::types::AccountData<Balance>
   **/
  PalletBalancesAccountData: {
    free: 'u128',
    reserved: 'u128',
    frozen: 'u128',
    flags: 'u128'
  },
  /**
   * Lookup7: frame_system::AccountInfo<Nonce, pallet_balances::types::AccountData<Balance>>
   **/
  FrameSystemAccountInfo: {
    nonce: 'u32',
    consumers: 'u32',
    providers: 'u32',
    sufficients: 'u32',
    data: 'PalletBalancesAccountData'
  },
  /**
   * Lookup8: sp_weights::weight_v2::Weight
   **/
  SpWeightsWeightV2Weight: {
    refTime: 'Compact<u64>',
    proofSize: 'Compact<u64>'
  },
  /**
   * Lookup11: frame_support::dispatch::PerDispatchClass<sp_weights::weight_v2::Weight>
   **/
  FrameSupportDispatchPerDispatchClassWeight: {
    normal: 'SpWeightsWeightV2Weight',
    operational: 'SpWeightsWeightV2Weight',
    mandatory: 'SpWeightsWeightV2Weight'
  },
  /**
   * Lookup13: sp_runtime::generic::digest::Digest
   **/
  SpRuntimeDigest: {
    logs: 'Vec<SpRuntimeDigestDigestItem>'
  },
  /**
   * Lookup14: sp_runtime::generic::digest::DigestItem
   **/
  SpRuntimeDigestDigestItem: {
    _enum: {
      Other: 'Bytes',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      Consensus: '([u8;4],Bytes)',
      Seal: '([u8;4],Bytes)',
      PreRuntime: '([u8;4],Bytes)',
      __Unused7: 'Null',
      RuntimeEnvironmentUpdated: 'Null'
    }
  },
  /**
   * Lookup19: frame_system::pallet::Event<T>
   **/
  FrameSystemEvent: {
    _enum: {
      ExtrinsicSuccess: {
        dispatchInfo: 'FrameSupportDispatchDispatchInfo',
      },
      ExtrinsicFailed: {
        dispatchError: 'SpRuntimeDispatchError',
        dispatchInfo: 'FrameSupportDispatchDispatchInfo',
      },
      CodeUpdated: 'Null',
      NewAccount: {
        account: 'AccountId32',
      },
      KilledAccount: {
        account: 'AccountId32',
      },
      Remarked: {
        _alias: {
          hash_: 'hash',
        },
        sender: 'AccountId32',
        hash_: 'H256'
      }
    }
  },
  /**
   * Lookup20: frame_support::dispatch::DispatchInfo
   **/
  FrameSupportDispatchDispatchInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    paysFee: 'FrameSupportDispatchPays'
  },
  /**
   * Lookup21: frame_support::dispatch::DispatchClass
   **/
  FrameSupportDispatchDispatchClass: {
    _enum: ['Normal', 'Operational', 'Mandatory']
  },
  /**
   * Lookup22: frame_support::dispatch::Pays
   **/
  FrameSupportDispatchPays: {
    _enum: ['Yes', 'No']
  },
  /**
   * Lookup23: sp_runtime::DispatchError
   **/
  SpRuntimeDispatchError: {
    _enum: {
      Other: 'Null',
      CannotLookup: 'Null',
      BadOrigin: 'Null',
      Module: 'SpRuntimeModuleError',
      ConsumerRemaining: 'Null',
      NoProviders: 'Null',
      TooManyConsumers: 'Null',
      Token: 'SpRuntimeTokenError',
      Arithmetic: 'SpArithmeticArithmeticError',
      Transactional: 'SpRuntimeTransactionalError',
      Exhausted: 'Null',
      Corruption: 'Null',
      Unavailable: 'Null',
      RootNotAllowed: 'Null'
    }
  },
  /**
   * Lookup24: sp_runtime::ModuleError
   **/
  SpRuntimeModuleError: {
    index: 'u8',
    error: '[u8;4]'
  },
  /**
   * Lookup25: sp_runtime::TokenError
   **/
  SpRuntimeTokenError: {
    _enum: ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported', 'CannotCreateHold', 'NotExpendable', 'Blocked']
  },
  /**
   * Lookup26: sp_arithmetic::ArithmeticError
   **/
  SpArithmeticArithmeticError: {
    _enum: ['Underflow', 'Overflow', 'DivisionByZero']
  },
  /**
   * Lookup27: sp_runtime::TransactionalError
   **/
  SpRuntimeTransactionalError: {
    _enum: ['LimitReached', 'NoLayer']
  },
  /**
   * Lookup28: pallet_grandpa::pallet::Event<T>
   **/
  PalletGrandpaEvent: {
    _enum: {
      NewAuthorities: {
        authoritySet: 'Vec<(SpConsensusGrandpaAppPublic,u64)>',
      },
      Paused: 'Null',
      Resumed: 'Null'
    }
  },
  /**
   * Lookup29: sp_consensus_grandpa::app::Public
   **/
  SpConsensusGrandpaAppPublic: 'SpCoreEd25519Public',
  /**
   * Lookup30: sp_core::ed25519::Public
   **/
  SpCoreEd25519Public: '[u8;32]',
  /**
   * Lookup33: pallet_balances::pallet::Event<T>
   **/
  PalletBalancesEvent: {
    _enum: {
      Endowed: {
        account: 'AccountId32',
        freeBalance: 'u128',
      },
      DustLost: {
        account: 'AccountId32',
        amount: 'u128',
      },
      Transfer: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
      },
      BalanceSet: {
        who: 'AccountId32',
        free: 'u128',
      },
      Reserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Unreserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      ReserveRepatriated: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
        destinationStatus: 'FrameSupportTokensMiscBalanceStatus',
      },
      Deposit: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Withdraw: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Slashed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Minted: {
        who: 'AccountId32',
        amount: 'u128',
      },
      MintedCredit: {
        amount: 'u128',
      },
      Burned: {
        who: 'AccountId32',
        amount: 'u128',
      },
      BurnedDebt: {
        amount: 'u128',
      },
      Suspended: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Restored: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Upgraded: {
        who: 'AccountId32',
      },
      Issued: {
        amount: 'u128',
      },
      Rescinded: {
        amount: 'u128',
      },
      Locked: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Unlocked: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Frozen: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Thawed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      TotalIssuanceForced: {
        _alias: {
          new_: 'new',
        },
        old: 'u128',
        new_: 'u128',
      },
      Held: {
        reason: 'SlmnetRuntimeRuntimeHoldReason',
        who: 'AccountId32',
        amount: 'u128',
      },
      BurnedHeld: {
        reason: 'SlmnetRuntimeRuntimeHoldReason',
        who: 'AccountId32',
        amount: 'u128',
      },
      TransferOnHold: {
        reason: 'SlmnetRuntimeRuntimeHoldReason',
        source: 'AccountId32',
        dest: 'AccountId32',
        amount: 'u128',
      },
      TransferAndHold: {
        reason: 'SlmnetRuntimeRuntimeHoldReason',
        source: 'AccountId32',
        dest: 'AccountId32',
        transferred: 'u128',
      },
      Released: {
        reason: 'SlmnetRuntimeRuntimeHoldReason',
        who: 'AccountId32',
        amount: 'u128',
      },
      Unexpected: 'PalletBalancesUnexpectedKind'
    }
  },
  /**
   * Lookup34: frame_support::traits::tokens::misc::BalanceStatus
   **/
  FrameSupportTokensMiscBalanceStatus: {
    _enum: ['Free', 'Reserved']
  },
  /**
   * Lookup35: slmnet_runtime::RuntimeHoldReason
   **/
  SlmnetRuntimeRuntimeHoldReason: {
    _enum: {
      __Unused0: 'Null',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      __Unused4: 'Null',
      __Unused5: 'Null',
      __Unused6: 'Null',
      __Unused7: 'Null',
      __Unused8: 'Null',
      __Unused9: 'Null',
      Datanets: 'PalletDatanetsHoldReason',
      Models: 'PalletModelsHoldReason',
      Attribution: 'PalletAttributionHoldReason',
      NodeRewards: 'PalletNodeRewardsHoldReason'
    }
  },
  /**
   * Lookup36: pallet_datanets::pallet::HoldReason
   **/
  PalletDatanetsHoldReason: {
    _enum: ['ContributionDeposit']
  },
  /**
   * Lookup37: pallet_models::pallet::HoldReason
   **/
  PalletModelsHoldReason: {
    _enum: ['InferenceFee']
  },
  /**
   * Lookup38: pallet_attribution::pallet::HoldReason
   **/
  PalletAttributionHoldReason: {
    _enum: ['AttestorBond']
  },
  /**
   * Lookup39: pallet_node_rewards::pallet::HoldReason
   **/
  PalletNodeRewardsHoldReason: {
    _enum: ['NodeBond']
  },
  /**
   * Lookup40: pallet_balances::pallet::UnexpectedKind
   **/
  PalletBalancesUnexpectedKind: {
    _enum: ['BalanceUpdated', 'FailedToMutateAccount']
  },
  /**
   * Lookup41: pallet_transaction_payment::pallet::Event<T>
   **/
  PalletTransactionPaymentEvent: {
    _enum: {
      TransactionFeePaid: {
        who: 'AccountId32',
        actualFee: 'u128',
        tip: 'u128'
      }
    }
  },
  /**
   * Lookup42: pallet_sudo::pallet::Event<T>
   **/
  PalletSudoEvent: {
    _enum: {
      Sudid: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>',
      },
      KeyChanged: {
        _alias: {
          new_: 'new',
        },
        old: 'Option<AccountId32>',
        new_: 'AccountId32',
      },
      KeyRemoved: 'Null',
      SudoAsDone: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup46: pallet_utility::pallet::Event<T>
   **/
  PalletUtilityEvent: {
    _enum: {
      BatchInterrupted: {
        index: 'u32',
        error: 'SpRuntimeDispatchError',
      },
      BatchCompleted: 'Null',
      BatchCompletedWithErrors: 'Null',
      ItemCompleted: 'Null',
      ItemFailed: {
        error: 'SpRuntimeDispatchError',
      },
      DispatchedAs: {
        result: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup47: pallet_datanets::pallet::Event<T>
   **/
  PalletDatanetsEvent: {
    _enum: {
      DatanetCreated: {
        datanet: 'u32',
        owner: 'AccountId32',
        kind: 'PalletDatanetsDataKind',
        name: 'Bytes',
      },
      DatanetUpdated: {
        datanet: 'u32',
      },
      CuratorAdded: {
        datanet: 'u32',
        curator: 'AccountId32',
      },
      CuratorRemoved: {
        datanet: 'u32',
        curator: 'AccountId32',
      },
      PolicySet: {
        datanet: 'u32',
        policy: 'PalletDatanetsPolicy',
      },
      AllowListUpdated: {
        datanet: 'u32',
        who: 'AccountId32',
        allowed: 'bool',
      },
      DatanetFrozen: {
        datanet: 'u32',
      },
      DatanetThawed: {
        datanet: 'u32',
      },
      ContributionSubmitted: {
        _alias: {
          size_: 'size',
        },
        contribution: 'u64',
        datanet: 'u32',
        contributor: 'AccountId32',
        contentHash: 'H256',
        size_: 'u32',
        deposit: 'u128',
      },
      ContributionAccepted: {
        contribution: 'u64',
        datanet: 'u32',
        reviewer: 'AccountId32',
        quality: 'u8',
      },
      ContributionRejected: {
        contribution: 'u64',
        datanet: 'u32',
        reviewer: 'AccountId32',
        reason: 'u8',
        forfeited: 'u128',
      },
      ContributionWithdrawn: {
        contribution: 'u64',
        datanet: 'u32',
        refunded: 'u128',
      },
      ContributionRevoked: {
        contribution: 'u64',
        datanet: 'u32',
      },
      VersionPublished: {
        datanet: 'u32',
        version: 'u32',
        root: 'H256',
        count: 'u32',
        bytes: 'u64',
      },
      ParamsSet: {
        params: 'PalletDatanetsParams'
      }
    }
  },
  /**
   * Lookup48: pallet_datanets::types::DataKind
   **/
  PalletDatanetsDataKind: {
    _enum: ['Text', 'Code', 'Image', 'Audio', 'Tabular', 'Other']
  },
  /**
   * Lookup49: pallet_datanets::types::Policy
   **/
  PalletDatanetsPolicy: {
    _enum: ['Open', 'Permissioned']
  },
  /**
   * Lookup51: pallet_datanets::types::Params
   **/
  PalletDatanetsParams: {
    rejectForfeitPpm: 'u32',
    minContributionDeposit: 'u128'
  },
  /**
   * Lookup52: pallet_models::pallet::Event<T>
   **/
  PalletModelsEvent: {
    _enum: {
      ModelRegistered: {
        model: 'u32',
        developer: 'AccountId32',
        kind: 'PalletModelsModelKind',
        name: 'Bytes',
      },
      PricingUpdated: {
        model: 'u32',
        pricing: 'PalletModelsPricing',
        split: 'PalletModelsFeeSplit',
      },
      OperatorsSet: {
        model: 'u32',
        operators: 'Vec<AccountId32>',
      },
      ModelStatusChanged: {
        model: 'u32',
        status: 'PalletModelsModelStatus',
      },
      InferenceRequested: {
        inference: 'u64',
        model: 'u32',
        consumer: 'AccountId32',
        inputHash: 'H256',
        maxFee: 'u128',
      },
      OutputSubmitted: {
        inference: 'u64',
        operator: 'AccountId32',
        outputHash: 'H256',
        tokensIn: 'u32',
        tokensOut: 'u32',
        fee: 'u128',
        refunded: 'u128',
      },
      InferenceRefunded: {
        inference: 'u64',
        consumer: 'AccountId32',
        amount: 'u128',
      },
      InferenceSettled: {
        inference: 'u64',
        fee: 'u128',
        developer: 'u128',
        contributors: 'u128',
        protocol: 'u128',
        fallback: 'bool',
      },
      ContributorRewarded: {
        inference: 'u64',
        contribution: 'u64',
        contributor: 'AccountId32',
        amount: 'u128',
      },
      RewardsClaimed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      ParamsSet: {
        params: 'PalletModelsParams'
      }
    }
  },
  /**
   * Lookup53: pallet_models::types::ModelKind
   **/
  PalletModelsModelKind: {
    _enum: ['InfiniGramV1', 'External']
  },
  /**
   * Lookup54: pallet_models::types::Pricing
   **/
  PalletModelsPricing: {
    baseFee: 'u128',
    perTokenFee: 'u128'
  },
  /**
   * Lookup55: pallet_models::types::FeeSplit
   **/
  PalletModelsFeeSplit: {
    developerPpm: 'u32',
    contributorsPpm: 'u32',
    protocolPpm: 'u32'
  },
  /**
   * Lookup57: pallet_models::types::ModelStatus
   **/
  PalletModelsModelStatus: {
    _enum: ['Active', 'Paused', 'Retired']
  },
  /**
   * Lookup58: pallet_models::types::Params
   **/
  PalletModelsParams: {
    outputTimeout: 'u32',
    attestationTimeout: 'u32',
    contributorsFloorPpm: 'u32'
  },
  /**
   * Lookup59: pallet_attribution::pallet::Event<T>
   **/
  PalletAttributionEvent: {
    _enum: {
      AttestorBonded: {
        who: 'AccountId32',
        amount: 'u128',
      },
      AttestorUnbonded: {
        who: 'AccountId32',
        amount: 'u128',
      },
      AttributionAttested: {
        inference: 'u64',
        attestor: 'AccountId32',
        resultHash: 'H256',
      },
      AttributionFinalized: {
        _alias: {
          entries_: 'entries',
        },
        inference: 'u64',
        resultHash: 'H256',
        entries_: 'u32',
        attestations: 'u32',
      },
      AttributionDisputed: {
        inference: 'u64',
        attestations: 'u32',
      },
      AttestorSlashed: {
        inference: 'u64',
        attestor: 'AccountId32',
        amount: 'u128',
      },
      ContributionAttributed: {
        inference: 'u64',
        contribution: 'u64',
        weightPpm: 'u32',
        amount: 'u128',
      },
      ParamsSet: {
        params: 'PalletAttributionParams'
      }
    }
  },
  /**
   * Lookup60: pallet_attribution::types::Params
   **/
  PalletAttributionParams: {
    minBond: 'u128',
    slashPpm: 'u32'
  },
  /**
   * Lookup61: pallet_node_rewards::pallet::Event<T>
   **/
  PalletNodeRewardsEvent: {
    _enum: {
      NodeRegistered: {
        node: 'u32',
        operator: 'AccountId32',
        kind: 'PalletNodeRewardsNodeKind',
        peerId: 'Bytes',
        bond: 'u128',
      },
      Heartbeat: {
        node: 'u32',
        era: 'u32',
        points: 'u32',
      },
      BondIncreased: {
        node: 'u32',
        amount: 'u128',
        bond: 'u128',
      },
      Unbonded: {
        node: 'u32',
        operator: 'AccountId32',
        bond: 'u128',
        until: 'u32',
      },
      Withdrawn: {
        node: 'u32',
        operator: 'AccountId32',
        amount: 'u128',
      },
      AuthorRewarded: {
        author: 'AccountId32',
        amount: 'u128',
      },
      EraPaid: {
        era: 'u32',
        total: 'u128',
        nodes: 'u32',
        points: 'u64',
      },
      NodeRewarded: {
        era: 'u32',
        node: 'u32',
        operator: 'AccountId32',
        points: 'u32',
        amount: 'u128',
      },
      RewardsClaimed: {
        who: 'AccountId32',
        amount: 'u128',
      },
      ParamsSet: {
        params: 'PalletNodeRewardsParams',
      },
      ChallengeIssued: {
        challenge: 'u64',
        node: 'u32',
        contribution: 'u64',
        contentHash: 'H256',
        chunk: 'u32',
        deadline: 'u32',
      },
      ChallengeAnswered: {
        challenge: 'u64',
        node: 'u32',
      },
      ChallengeMissed: {
        challenge: 'u64',
        node: 'u32',
        pointsLost: 'u32'
      }
    }
  },
  /**
   * Lookup62: pallet_node_rewards::types::NodeKind
   **/
  PalletNodeRewardsNodeKind: {
    _enum: ['Storage', 'Compute', 'Validator']
  },
  /**
   * Lookup63: pallet_node_rewards::types::Params
   **/
  PalletNodeRewardsParams: {
    minBond: 'u128',
    heartbeatInterval: 'u32',
    maxPointsPerDay: 'u32',
    blocksPerDay: 'u32',
    eraLength: 'u32',
    emissionPerBlock: 'u128',
    authorSharePpm: 'u32',
    unbondingPeriod: 'u32',
    challengePeriod: 'u32',
    challengeWindow: 'u32',
    challengePenalty: 'u32'
  },
  /**
   * Lookup64: frame_system::EventRecord<slmnet_runtime::RuntimeEvent, primitive_types::H256>
   **/
  FrameSystemEventRecord: {
    phase: 'FrameSystemPhase',
    event: 'Event',
    topics: 'Vec<H256>'
  },
  /**
   * Lookup65: frame_system::Phase
   **/
  FrameSystemPhase: {
    _enum: {
      ApplyExtrinsic: 'u32',
      Finalization: 'Null',
      Initialization: 'Null'
    }
  },
  /**
   * Lookup68: frame_system::limits::BlockWeights
   **/
  FrameSystemLimitsBlockWeights: {
    baseBlock: 'SpWeightsWeightV2Weight',
    maxBlock: 'SpWeightsWeightV2Weight',
    perClass: 'FrameSupportDispatchPerDispatchClassWeightsPerClass'
  },
  /**
   * Lookup69: frame_system::limits::WeightsPerClass
   **/
  FrameSystemLimitsWeightsPerClass: {
    baseExtrinsic: 'SpWeightsWeightV2Weight',
    maxExtrinsic: 'Option<SpWeightsWeightV2Weight>',
    maxTotal: 'Option<SpWeightsWeightV2Weight>',
    reserved: 'Option<SpWeightsWeightV2Weight>'
  },
  /**
   * Lookup71: frame_support::dispatch::PerDispatchClass<frame_system::limits::WeightsPerClass>
   **/
  FrameSupportDispatchPerDispatchClassWeightsPerClass: {
    normal: 'FrameSystemLimitsWeightsPerClass',
    operational: 'FrameSystemLimitsWeightsPerClass',
    mandatory: 'FrameSystemLimitsWeightsPerClass'
  },
  /**
   * Lookup72: frame_system::limits::BlockLength
   **/
  FrameSystemLimitsBlockLength: {
    max: 'FrameSupportDispatchPerDispatchClassU32'
  },
  /**
   * Lookup73: frame_support::dispatch::PerDispatchClass<T>
   **/
  FrameSupportDispatchPerDispatchClassU32: {
    normal: 'u32',
    operational: 'u32',
    mandatory: 'u32'
  },
  /**
   * Lookup74: sp_weights::RuntimeDbWeight
   **/
  SpWeightsRuntimeDbWeight: {
    read: 'u64',
    write: 'u64'
  },
  /**
   * Lookup75: sp_version::RuntimeVersion
   **/
  SpVersionRuntimeVersion: {
    specName: 'Text',
    implName: 'Text',
    authoringVersion: 'u32',
    specVersion: 'u32',
    implVersion: 'u32',
    apis: 'Vec<([u8;8],u32)>',
    transactionVersion: 'u32',
    systemVersion: 'u8'
  },
  /**
   * Lookup81: frame_system::pallet::Call<T>
   **/
  FrameSystemCall: {
    _enum: {
      remark: {
        remark: 'Bytes',
      },
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      set_storage: {
        items: 'Vec<(Bytes,Bytes)>',
      },
      kill_storage: {
        _alias: {
          keys_: 'keys',
        },
        keys_: 'Vec<Bytes>',
      },
      __Unused6: 'Null',
      remark_with_event: {
        remark: 'Bytes'
      }
    }
  },
  /**
   * Lookup85: frame_system::pallet::Error<T>
   **/
  FrameSystemError: {
    _enum: ['InvalidSpecName', 'SpecVersionNeedsToIncrease', 'FailedToExtractRuntimeVersion', 'NonDefaultComposite', 'NonZeroRefCount', 'CallFiltered']
  },
  /**
   * Lookup86: pallet_timestamp::pallet::Call<T>
   **/
  PalletTimestampCall: {
    _enum: {
      set: {
        now: 'Compact<u64>'
      }
    }
  },
  /**
   * Lookup87: sp_consensus_aura::sr25519::app_sr25519::Public
   **/
  SpConsensusAuraSr25519AppSr25519Public: 'SpCoreSr25519Public',
  /**
   * Lookup88: sp_core::sr25519::Public
   **/
  SpCoreSr25519Public: '[u8;32]',
  /**
   * Lookup91: pallet_grandpa::StoredState<N>
   **/
  PalletGrandpaStoredState: {
    _enum: {
      Live: 'Null',
      PendingPause: {
        scheduledAt: 'u32',
        delay: 'u32',
      },
      Paused: 'Null',
      PendingResume: {
        scheduledAt: 'u32',
        delay: 'u32'
      }
    }
  },
  /**
   * Lookup92: pallet_grandpa::pallet::Call<T>
   **/
  PalletGrandpaCall: {
    _enum: {
      __Unused0: 'Null',
      __Unused1: 'Null',
      note_stalled: {
        delay: 'u32',
        bestFinalizedBlockNumber: 'u32'
      }
    }
  },
  /**
   * Lookup93: pallet_grandpa::pallet::Error<T>
   **/
  PalletGrandpaError: {
    _enum: ['PauseFailed', 'ResumeFailed', 'ChangePending', 'TooSoon', 'InvalidKeyOwnershipProof', 'InvalidEquivocationProof', 'DuplicateOffenceReport']
  },
  /**
   * Lookup94: pallet_balances::types::BalanceLock<Balance>
   **/
  PalletBalancesBalanceLock: {
    id: '[u8;8]',
    amount: 'u128',
    reasons: 'PalletBalancesReasons'
  },
  /**
   * Lookup95: pallet_balances::types::Reasons
   **/
  PalletBalancesReasons: {
    _enum: ['Fee', 'Misc', 'All']
  },
  /**
   * Lookup98: pallet_balances::types::ReserveData<ReserveIdentifier, Balance>
   **/
  PalletBalancesReserveData: {
    id: '[u8;8]',
    amount: 'u128'
  },
  /**
   * Lookup101: frame_support::traits::tokens::misc::IdAmount<slmnet_runtime::RuntimeHoldReason, Balance>
   **/
  FrameSupportTokensMiscIdAmountRuntimeHoldReason: {
    id: 'SlmnetRuntimeRuntimeHoldReason',
    amount: 'u128'
  },
  /**
   * Lookup104: slmnet_runtime::RuntimeFreezeReason
   **/
  SlmnetRuntimeRuntimeFreezeReason: 'Null',
  /**
   * Lookup105: frame_support::traits::tokens::misc::IdAmount<slmnet_runtime::RuntimeFreezeReason, Balance>
   **/
  FrameSupportTokensMiscIdAmountRuntimeFreezeReason: {
    id: 'SlmnetRuntimeRuntimeFreezeReason',
    amount: 'u128'
  },
  /**
   * Lookup108: pallet_balances::pallet::Call<T>
   **/
  PalletBalancesCall: {
    _enum: {
      transfer_allow_death: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      __Unused1: 'Null',
      force_transfer: {
        source: 'MultiAddress',
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_keep_alive: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_all: {
        dest: 'MultiAddress',
        keepAlive: 'bool',
      },
      force_unreserve: {
        who: 'MultiAddress',
        amount: 'u128',
      },
      __Unused6: 'Null',
      __Unused7: 'Null',
      force_set_balance: {
        who: 'MultiAddress',
        newFree: 'Compact<u128>',
      },
      force_adjust_total_issuance: {
        direction: 'PalletBalancesAdjustmentDirection',
        delta: 'Compact<u128>',
      },
      burn: {
        value: 'Compact<u128>',
        keepAlive: 'bool'
      }
    }
  },
  /**
   * Lookup113: pallet_balances::types::AdjustmentDirection
   **/
  PalletBalancesAdjustmentDirection: {
    _enum: ['Increase', 'Decrease']
  },
  /**
   * Lookup114: pallet_balances::pallet::Error<T>
   **/
  PalletBalancesError: {
    _enum: ['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability', 'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero']
  },
  /**
   * Lookup116: pallet_transaction_payment::Releases
   **/
  PalletTransactionPaymentReleases: {
    _enum: ['V1Ancient', 'V2']
  },
  /**
   * Lookup117: pallet_sudo::pallet::Call<T>
   **/
  PalletSudoCall: {
    _enum: {
      sudo: {
        call: 'Call',
      },
      sudo_unchecked_weight: {
        call: 'Call',
        weight: 'SpWeightsWeightV2Weight',
      },
      set_key: {
        _alias: {
          new_: 'new',
        },
        new_: 'MultiAddress',
      },
      sudo_as: {
        who: 'MultiAddress',
        call: 'Call',
      },
      remove_key: 'Null'
    }
  },
  /**
   * Lookup119: pallet_utility::pallet::Call<T>
   **/
  PalletUtilityCall: {
    _enum: {
      batch: {
        calls: 'Vec<Call>',
      },
      __Unused1: 'Null',
      batch_all: {
        calls: 'Vec<Call>',
      },
      __Unused3: 'Null',
      force_batch: {
        calls: 'Vec<Call>'
      }
    }
  },
  /**
   * Lookup121: pallet_datanets::pallet::Call<T>
   **/
  PalletDatanetsCall: {
    _enum: {
      create: {
        name: 'Bytes',
        metadata: 'Bytes',
        tags: 'Vec<Bytes>',
        kind: 'PalletDatanetsDataKind',
        license: 'Bytes',
        policy: 'PalletDatanetsPolicy',
        contributionDeposit: 'u128',
      },
      update: {
        datanet: 'u32',
        metadata: 'Bytes',
        tags: 'Vec<Bytes>',
        license: 'Bytes',
        contributionDeposit: 'u128',
      },
      add_curator: {
        datanet: 'u32',
        curator: 'AccountId32',
      },
      remove_curator: {
        datanet: 'u32',
        curator: 'AccountId32',
      },
      set_policy: {
        datanet: 'u32',
        policy: 'PalletDatanetsPolicy',
      },
      set_allowed: {
        datanet: 'u32',
        who: 'AccountId32',
        allowed: 'bool',
      },
      freeze: {
        datanet: 'u32',
      },
      thaw: {
        datanet: 'u32',
      },
      contribute: {
        _alias: {
          size_: 'size',
        },
        datanet: 'u32',
        contentHash: 'H256',
        size_: 'u32',
        chunksRoot: 'H256',
        metadata: 'Bytes',
        license: 'Bytes',
      },
      review: {
        contribution: 'u64',
        decision: 'PalletDatanetsReviewDecision',
      },
      withdraw: {
        contribution: 'u64',
      },
      revoke: {
        contribution: 'u64',
      },
      publish_version: {
        datanet: 'u32',
      },
      set_params: {
        params: 'PalletDatanetsParams'
      }
    }
  },
  /**
   * Lookup122: pallet_datanets::types::ReviewDecision
   **/
  PalletDatanetsReviewDecision: {
    _enum: {
      Accept: {
        quality: 'u8',
      },
      Reject: {
        reason: 'u8'
      }
    }
  },
  /**
   * Lookup123: pallet_models::pallet::Call<T>
   **/
  PalletModelsCall: {
    _enum: {
      register_model: {
        name: 'Bytes',
        metadata: 'Bytes',
        kind: 'PalletModelsModelKind',
        trainingSet: 'Vec<PalletModelsTrainingSet>',
        manifestHash: 'H256',
        pricing: 'PalletModelsPricing',
        split: 'PalletModelsFeeSplit',
        operators: 'Vec<AccountId32>',
      },
      update_pricing: {
        model: 'u32',
        pricing: 'PalletModelsPricing',
        split: 'PalletModelsFeeSplit',
      },
      set_operators: {
        model: 'u32',
        operators: 'Vec<AccountId32>',
      },
      set_status: {
        model: 'u32',
        status: 'PalletModelsModelStatus',
      },
      request_inference: {
        model: 'u32',
        inputHash: 'H256',
        maxFee: 'u128',
      },
      submit_output: {
        inference: 'u64',
        outputHash: 'H256',
        tokensIn: 'u32',
        tokensOut: 'u32',
      },
      claim_rewards: 'Null',
      set_params: {
        params: 'PalletModelsParams'
      }
    }
  },
  /**
   * Lookup124: pallet_models::types::TrainingSet
   **/
  PalletModelsTrainingSet: {
    datanet: 'u32',
    version: 'u32'
  },
  /**
   * Lookup126: pallet_attribution::pallet::Call<T>
   **/
  PalletAttributionCall: {
    _enum: {
      bond: {
        amount: 'u128',
      },
      unbond: 'Null',
      attest: {
        _alias: {
          entries_: 'entries',
        },
        inference: 'u64',
        algorithm: 'u16',
        paramsHash: 'H256',
        resultHash: 'H256',
        entries_: 'Vec<SlmnetPrimitivesAttributionAttributionEntry>',
        evidenceRoot: 'H256',
      },
      set_params: {
        params: 'PalletAttributionParams'
      }
    }
  },
  /**
   * Lookup127: slmnet_primitives::attribution::AttributionEntry
   **/
  SlmnetPrimitivesAttributionAttributionEntry: {
    contribution: 'u64',
    weightPpm: 'u32'
  },
  /**
   * Lookup129: pallet_node_rewards::pallet::Call<T>
   **/
  PalletNodeRewardsCall: {
    _enum: {
      register_node: {
        kind: 'PalletNodeRewardsNodeKind',
        peerId: 'Bytes',
        bond: 'u128',
        proof: '[u8;64]',
      },
      heartbeat: {
        node: 'u32',
        atBlock: 'u32',
        signature: '[u8;64]',
      },
      bond_more: {
        node: 'u32',
        amount: 'u128',
      },
      unbond: {
        node: 'u32',
      },
      withdraw_unbonded: {
        node: 'u32',
      },
      claim: 'Null',
      set_params: {
        params: 'PalletNodeRewardsParams',
      },
      answer_challenge: {
        challenge: 'u64',
        chunk: 'Bytes',
        proof: 'Vec<H256>'
      }
    }
  },
  /**
   * Lookup131: pallet_sudo::pallet::Error<T>
   **/
  PalletSudoError: {
    _enum: ['RequireSudo']
  },
  /**
   * Lookup132: pallet_utility::pallet::Error<T>
   **/
  PalletUtilityError: {
    _enum: ['TooManyCalls']
  },
  /**
   * Lookup133: pallet_datanets::types::DatanetInfo
   **/
  PalletDatanetsDatanetInfo: {
    owner: 'AccountId32',
    name: 'Bytes',
    metadata: 'Bytes',
    tags: 'Vec<Bytes>',
    kind: 'PalletDatanetsDataKind',
    license: 'Bytes',
    policy: 'PalletDatanetsPolicy',
    contributionDeposit: 'u128',
    status: 'PalletDatanetsDatanetStatus',
    created: 'u32',
    latestVersion: 'u32',
    contributions: 'u32',
    accepted: 'u32',
    acceptedBytes: 'u64'
  },
  /**
   * Lookup134: pallet_datanets::types::DatanetStatus
   **/
  PalletDatanetsDatanetStatus: {
    _enum: ['Active', 'Frozen']
  },
  /**
   * Lookup136: pallet_datanets::types::Contribution
   **/
  PalletDatanetsContribution: {
    _alias: {
      size_: 'size'
    },
    datanet: 'u32',
    contributor: 'AccountId32',
    contentHash: 'H256',
    size_: 'u32',
    chunksRoot: 'H256',
    metadata: 'Bytes',
    license: 'Bytes',
    status: 'PalletDatanetsContributionStatus',
    quality: 'Option<u8>',
    rejectReason: 'Option<u8>',
    deposit: 'u128',
    submitted: 'u32',
    reviewed: 'Option<u32>',
    reviewer: 'Option<AccountId32>',
    versions: 'u32'
  },
  /**
   * Lookup137: pallet_datanets::types::ContributionStatus
   **/
  PalletDatanetsContributionStatus: {
    _enum: ['Pending', 'Accepted', 'Rejected', 'Withdrawn', 'Revoked']
  },
  /**
   * Lookup143: pallet_datanets::types::VersionInfo
   **/
  PalletDatanetsVersionInfo: {
    root: 'H256',
    count: 'u32',
    bytes: 'u64',
    published: 'u32'
  },
  /**
   * Lookup144: pallet_datanets::types::Reputation
   **/
  PalletDatanetsReputation: {
    accepted: 'u32',
    rejected: 'u32',
    revoked: 'u32'
  },
  /**
   * Lookup145: pallet_datanets::pallet::Error<T>
   **/
  PalletDatanetsError: {
    _enum: ['UnknownDatanet', 'UnknownContribution', 'UnknownVersion', 'NotOwner', 'NotCurator', 'NotContributor', 'EmptyName', 'NameTooLong', 'MetadataTooLong', 'TooManyTags', 'TagTooLong', 'LicenseTooLong', 'DepositTooLow', 'AlreadyCurator', 'TooManyCurators', 'DatanetFrozen', 'NotFrozen', 'NotAllowed', 'EmptyContent', 'ContentTooLarge', 'DuplicateContent', 'TooManyPending', 'NotPending', 'NotAccepted', 'SelfReview', 'QualityOutOfRange', 'TooManyAccepted', 'EmptyVersion', 'InvalidParams', 'Overflow']
  },
  /**
   * Lookup146: pallet_models::types::ModelInfo
   **/
  PalletModelsModelInfo: {
    developer: 'AccountId32',
    name: 'Bytes',
    metadata: 'Bytes',
    kind: 'PalletModelsModelKind',
    trainingSet: 'Vec<PalletModelsTrainingSet>',
    manifestHash: 'H256',
    pricing: 'PalletModelsPricing',
    split: 'PalletModelsFeeSplit',
    operators: 'Vec<AccountId32>',
    status: 'PalletModelsModelStatus',
    registered: 'u32',
    inferences: 'u64',
    revenue: 'u128',
    trainingBytes: 'u64'
  },
  /**
   * Lookup147: pallet_models::types::TrainingItem
   **/
  PalletModelsTrainingItem: {
    _alias: {
      size_: 'size'
    },
    contribution: 'u64',
    size_: 'u32'
  },
  /**
   * Lookup149: pallet_models::types::Inference
   **/
  PalletModelsInference: {
    model: 'u32',
    consumer: 'AccountId32',
    inputHash: 'H256',
    maxFee: 'u128',
    fee: 'u128',
    outputHash: 'Option<H256>',
    tokensIn: 'u32',
    tokensOut: 'u32',
    operator: 'Option<AccountId32>',
    status: 'PalletModelsInferenceStatus',
    requested: 'u32',
    outputAt: 'Option<u32>',
    deadline: 'u32',
    settlement: 'Option<PalletModelsSettlement>'
  },
  /**
   * Lookup151: pallet_models::types::InferenceStatus
   **/
  PalletModelsInferenceStatus: {
    _enum: ['Requested', 'OutputSubmitted', 'Settled', 'Refunded']
  },
  /**
   * Lookup152: pallet_models::types::Settlement
   **/
  PalletModelsSettlement: {
    developer: 'u128',
    contributors: 'u128',
    protocol: 'u128',
    fallback: 'bool',
    settled: 'u32'
  },
  /**
   * Lookup154: pallet_models::pallet::Error<T>
   **/
  PalletModelsError: {
    _enum: ['UnknownModel', 'UnknownInference', 'NotDeveloper', 'NotOperator', 'EmptyName', 'NameTooLong', 'MetadataTooLong', 'EmptyTrainingSet', 'TooManyTrainingSets', 'DuplicateTrainingSet', 'TrainingSetTooLarge', 'TooManyOperators', 'InvalidSplit', 'ContributorsBelowFloor', 'ZeroPrice', 'PriceTooHigh', 'ModelNotActive', 'ModelRetired', 'StatusUnchanged', 'ZeroFee', 'MaxFeeBelowBase', 'InferenceExpired', 'OutputAlreadySubmitted', 'NotAwaitingAttribution', 'NothingToClaim', 'InvalidParams', 'Overflow']
  },
  /**
   * Lookup156: pallet_attribution::types::Attestation
   **/
  PalletAttributionAttestation: {
    _alias: {
      entries_: 'entries'
    },
    algorithm: 'u16',
    paramsHash: 'H256',
    resultHash: 'H256',
    entries_: 'Vec<SlmnetPrimitivesAttributionAttributionEntry>',
    evidenceRoot: 'H256',
    at: 'u32'
  },
  /**
   * Lookup157: pallet_attribution::types::Tally
   **/
  PalletAttributionTally: {
    resultHash: 'H256',
    count: 'u32'
  },
  /**
   * Lookup159: pallet_attribution::types::FinalResult
   **/
  PalletAttributionFinalResult: {
    _alias: {
      entries_: 'entries'
    },
    status: 'PalletAttributionResultStatus',
    resultHash: 'Option<H256>',
    entries_: 'Vec<SlmnetPrimitivesAttributionAttributionEntry>',
    evidenceRoot: 'Option<H256>',
    attestations: 'u32',
    at: 'u32'
  },
  /**
   * Lookup160: pallet_attribution::types::ResultStatus
   **/
  PalletAttributionResultStatus: {
    _enum: ['Final', 'Disputed']
  },
  /**
   * Lookup161: pallet_attribution::types::ContributionStats
   **/
  PalletAttributionContributionStats: {
    inferences: 'u64',
    cumulativeWeightPpm: 'u128',
    earned: 'u128'
  },
  /**
   * Lookup162: pallet_attribution::pallet::Error<T>
   **/
  PalletAttributionError: {
    _enum: ['NotAttestor', 'DuplicateAttestation', 'TooManyEntries', 'ZeroWeight', 'WeightsExceedMillion', 'EntriesNotCanonical', 'NotInTrainingSet', 'ResultHashMismatch', 'AlreadyBonded', 'NotBonded', 'BondTooLow', 'TooManyAttestors', 'OpenAttestations', 'InvalidParams']
  },
  /**
   * Lookup163: pallet_node_rewards::types::NodeInfo
   **/
  PalletNodeRewardsNodeInfo: {
    operator: 'AccountId32',
    kind: 'PalletNodeRewardsNodeKind',
    peerId: 'Bytes',
    publicKey: '[u8;32]',
    bond: 'u128',
    status: 'PalletNodeRewardsNodeStatus',
    registered: 'u32',
    lastHeartbeat: 'Option<u32>',
    lastSignedAt: 'Option<u32>',
    day: 'u32',
    dayPoints: 'u32',
    pointsEra: 'u32',
    eraPoints: 'u32',
    totalPoints: 'u64',
    earned: 'u128'
  },
  /**
   * Lookup164: pallet_node_rewards::types::NodeStatus
   **/
  PalletNodeRewardsNodeStatus: {
    _enum: {
      Active: 'Null',
      Unbonding: {
        until: 'u32'
      }
    }
  },
  /**
   * Lookup166: pallet_node_rewards::types::Challenge
   **/
  PalletNodeRewardsChallenge: {
    node: 'u32',
    contribution: 'u64',
    contentHash: 'H256',
    chunk: 'u32',
    deadline: 'u32'
  },
  /**
   * Lookup167: pallet_node_rewards::pallet::Error<T>
   **/
  PalletNodeRewardsError: {
    _enum: ['BondTooLow', 'BadPeerId', 'PeerIdTaken', 'TooManyNodes', 'TooManyActiveNodes', 'UnknownNode', 'NotOperator', 'NodeNotActive', 'HeartbeatTooSoon', 'DailyCapReached', 'BadSignature', 'StaleHeartbeat', 'FutureHeartbeat', 'ZeroAmount', 'NothingToClaim', 'NotUnbonded', 'StillUnbonding', 'InvalidParams', 'Overflow', 'UnknownChallenge', 'ChallengeClosed', 'WrongChunkLength', 'BadChunkProof']
  },
  /**
   * Lookup168: sp_runtime::MultiSignature
   **/
  SpRuntimeMultiSignature: {
    _enum: {
      Ed25519: 'SpCoreEd25519Signature',
      Sr25519: 'SpCoreSr25519Signature',
      Ecdsa: 'SpCoreEcdsaSignature'
    }
  },
  /**
   * Lookup169: sp_core::ed25519::Signature
   **/
  SpCoreEd25519Signature: '[u8;64]',
  /**
   * Lookup170: sp_core::sr25519::Signature
   **/
  SpCoreSr25519Signature: '[u8;64]',
  /**
   * Lookup171: sp_core::ecdsa::Signature
   **/
  SpCoreEcdsaSignature: '[u8;65]',
  /**
   * Lookup173: frame_system::extensions::check_non_zero_sender::CheckNonZeroSender<T>
   **/
  FrameSystemExtensionsCheckNonZeroSender: 'Null',
  /**
   * Lookup174: frame_system::extensions::check_spec_version::CheckSpecVersion<T>
   **/
  FrameSystemExtensionsCheckSpecVersion: 'Null',
  /**
   * Lookup175: frame_system::extensions::check_tx_version::CheckTxVersion<T>
   **/
  FrameSystemExtensionsCheckTxVersion: 'Null',
  /**
   * Lookup176: frame_system::extensions::check_genesis::CheckGenesis<T>
   **/
  FrameSystemExtensionsCheckGenesis: 'Null',
  /**
   * Lookup179: frame_system::extensions::check_nonce::CheckNonce<T>
   **/
  FrameSystemExtensionsCheckNonce: 'Compact<u32>',
  /**
   * Lookup181: frame_system::extensions::check_weight::CheckWeight<T>
   **/
  FrameSystemExtensionsCheckWeight: 'Null',
  /**
   * Lookup182: pallet_transaction_payment::ChargeTransactionPayment<T>
   **/
  PalletTransactionPaymentChargeTransactionPayment: 'Compact<u128>',
  /**
   * Lookup185: slmnet_runtime::Runtime
   **/
  SlmnetRuntimeRuntime: 'Null',
  /**
   * Lookup186: sp_runtime::generic::header::Header<Number>
   **/
  SpRuntimeHeader: {
    parentHash: 'H256',
    number: 'Compact<u32>',
    stateRoot: 'H256',
    extrinsicsRoot: 'H256',
    digest: 'SpRuntimeDigest'
  },
  /**
   * Lookup187: sp_runtime::generic::block::Block<sp_runtime::generic::header::Header<Number>, sp_runtime::generic::unchecked_extrinsic::UncheckedExtrinsic<sp_runtime::multiaddress::MultiAddress<sp_core::crypto::AccountId32, AccountIndex>, slmnet_runtime::RuntimeCall, sp_runtime::MultiSignature, Extra>>
   **/
  SpRuntimeBlock: {
    header: 'SpRuntimeHeader',
    extrinsics: 'Vec<Bytes>'
  },
  /**
   * Lookup189: sp_runtime::ExtrinsicInclusionMode
   **/
  SpRuntimeExtrinsicInclusionMode: {
    _enum: ['AllExtrinsics', 'OnlyInherents']
  },
  /**
   * Lookup192: sp_runtime::transaction_validity::TransactionValidityError
   **/
  SpRuntimeTransactionValidityTransactionValidityError: {
    _enum: {
      Invalid: 'SpRuntimeTransactionValidityInvalidTransaction',
      Unknown: 'SpRuntimeTransactionValidityUnknownTransaction'
    }
  },
  /**
   * Lookup193: sp_runtime::transaction_validity::InvalidTransaction
   **/
  SpRuntimeTransactionValidityInvalidTransaction: {
    _enum: {
      Call: 'Null',
      Payment: 'Null',
      Future: 'Null',
      Stale: 'Null',
      BadProof: 'Null',
      AncientBirthBlock: 'Null',
      ExhaustsResources: 'Null',
      Custom: 'u8',
      BadMandatory: 'Null',
      MandatoryValidation: 'Null',
      BadSigner: 'Null',
      IndeterminateImplicit: 'Null',
      UnknownOrigin: 'Null'
    }
  },
  /**
   * Lookup194: sp_runtime::transaction_validity::UnknownTransaction
   **/
  SpRuntimeTransactionValidityUnknownTransaction: {
    _enum: {
      CannotLookup: 'Null',
      NoUnsignedValidator: 'Null',
      Custom: 'u8'
    }
  },
  /**
   * Lookup196: sp_inherents::InherentData
   **/
  SpInherentsInherentData: {
    data: 'BTreeMap<[u8;8], Bytes>'
  },
  /**
   * Lookup200: sp_inherents::CheckInherentsResult
   **/
  SpInherentsCheckInherentsResult: {
    okay: 'bool',
    fatalError: 'bool',
    errors: 'SpInherentsInherentData'
  },
  /**
   * Lookup201: sp_runtime::transaction_validity::TransactionSource
   **/
  SpRuntimeTransactionValidityTransactionSource: {
    _enum: ['InBlock', 'Local', 'External']
  },
  /**
   * Lookup202: sp_runtime::transaction_validity::ValidTransaction
   **/
  SpRuntimeTransactionValidityValidTransaction: {
    priority: 'u64',
    requires: 'Vec<Bytes>',
    provides: 'Vec<Bytes>',
    longevity: 'u64',
    propagate: 'bool'
  },
  /**
   * Lookup208: sp_core::crypto::KeyTypeId
   **/
  SpCoreCryptoKeyTypeId: '[u8;4]',
  /**
   * Lookup212: pallet_transaction_payment::types::RuntimeDispatchInfo<Balance, sp_weights::weight_v2::Weight>
   **/
  PalletTransactionPaymentRuntimeDispatchInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    partialFee: 'u128'
  },
  /**
   * Lookup213: pallet_transaction_payment::types::FeeDetails<Balance>
   **/
  PalletTransactionPaymentFeeDetails: {
    inclusionFee: 'Option<PalletTransactionPaymentInclusionFee>',
    tip: 'u128'
  },
  /**
   * Lookup214: pallet_transaction_payment::types::InclusionFee<Balance>
   **/
  PalletTransactionPaymentInclusionFee: {
    baseFee: 'u128',
    lenFee: 'u128',
    adjustedWeightFee: 'u128'
  },
  /**
   * Lookup227: slmnet_runtime::RuntimeError
   **/
  SlmnetRuntimeRuntimeError: {
    _enum: {
      System: 'FrameSystemError',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      Grandpa: 'PalletGrandpaError',
      Balances: 'PalletBalancesError',
      __Unused6: 'Null',
      Sudo: 'PalletSudoError',
      Utility: 'PalletUtilityError',
      __Unused9: 'Null',
      Datanets: 'PalletDatanetsError',
      Models: 'PalletModelsError',
      Attribution: 'PalletAttributionError',
      NodeRewards: 'PalletNodeRewardsError'
    }
  }
};
