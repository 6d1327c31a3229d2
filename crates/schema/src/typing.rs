//! How events are typed: PLOVER type, mode and quad class, ACLED event and
//! sub-event type.

use crate::vocab::{number_vocab, string_vocab};

string_vocab! {
    /// A PLOVER event type (`EventRecord.type`, `ClusterRecord.type`).
    pub enum PloverType ("PLOVER type") {
        /// Agree (verbal cooperation).
        Agree = "AGREE" ("Agree"),
        /// Consult (verbal cooperation).
        Consult = "CONSULT" ("Consult"),
        /// Support (verbal cooperation).
        Support = "SUPPORT" ("Support"),
        /// Concede (verbal cooperation).
        Concede = "CONCEDE" ("Concede"),
        /// Cooperate (material cooperation).
        Cooperate = "COOPERATE" ("Cooperate"),
        /// Aid (material cooperation).
        Aid = "AID" ("Aid"),
        /// Retreat, also releases (material cooperation).
        Retreat = "RETREAT" ("Retreat / release"),
        /// Request (verbal conflict).
        Request = "REQUEST" ("Request"),
        /// Accuse (verbal conflict).
        Accuse = "ACCUSE" ("Accuse"),
        /// Reject (verbal conflict).
        Reject = "REJECT" ("Reject"),
        /// Threaten (verbal conflict).
        Threaten = "THREATEN" ("Threaten"),
        /// Sanction (verbal conflict).
        Sanction = "SANCTION" ("Sanction"),
        /// Protest (material conflict).
        Protest = "PROTEST" ("Protest"),
        /// Mobilize (material conflict).
        Mobilize = "MOBILIZE" ("Mobilize"),
        /// Coerce (material conflict).
        Coerce = "COERCE" ("Coerce"),
        /// Assault (material conflict).
        Assault = "ASSAULT" ("Assault"),
    }
}

number_vocab! {
    /// A PLOVER quad class (`EventRecord.quad`): verbal or material, cooperation or conflict.
    pub enum Quad ("quad class") {
        /// 1: verbal cooperation.
        VerbalCooperation = 1 ("Verbal cooperation"),
        /// 2: material cooperation.
        MaterialCooperation = 2 ("Material cooperation"),
        /// 3: verbal conflict.
        VerbalConflict = 3 ("Verbal conflict"),
        /// 4: material conflict.
        MaterialConflict = 4 ("Material conflict"),
    }
}

string_vocab! {
    /// A PLOVER mode (`EventRecord.mode`): how an event of a type happened.
    /// [`PloverType::modes`] says which modes each type takes.
    pub enum PloverMode ("PLOVER mode") {
        /// CONSULT: a visit.
        Visit = "visit",
        /// CONSULT: through a third party.
        ThirdParty = "third-party",
        /// CONSULT: among several parties.
        Multilateral = "multilateral",
        /// CONSULT: by phone.
        Phone = "phone",
        /// AID: economic.
        Economic = "economic",
        /// AID: military.
        Military = "military",
        /// AID: humanitarian.
        Humanitarian = "humanitarian",
        /// AID: asylum.
        Asylum = "asylum",
        /// RETREAT, SANCTION: withdrawal.
        Withdraw = "withdraw",
        /// RETREAT: a release.
        Release = "release",
        /// RETREAT: a return.
        Return = "return",
        /// RETREAT: disarmament.
        Disarm = "disarm",
        /// RETREAT: a ceasefire.
        Ceasefire = "ceasefire",
        /// RETREAT: access granted.
        Access = "access",
        /// RETREAT: a resignation.
        Resign = "resign",
        /// THREATEN, COERCE: restrictions.
        Restrict = "restrict",
        /// THREATEN, COERCE: a ban.
        Ban = "ban",
        /// THREATEN, COERCE: arrests.
        Arrest = "arrest",
        /// THREATEN: cutting relations.
        Relations = "relations",
        /// THREATEN, SANCTION: expulsion.
        Expel = "expel",
        /// THREATEN: territory.
        Territory = "territory",
        /// THREATEN: violence.
        Violence = "violence",
        /// SANCTION: a conviction.
        Convict = "convict",
        /// SANCTION: a cancellation.
        Cancel = "cancel",
        /// SANCTION: severed ties.
        Sever = "sever",
        /// PROTEST: a demonstration.
        Demo = "demo",
        /// PROTEST: a riot.
        Riot = "riot",
        /// PROTEST: a general strike.
        StrikeGeneral = "strike-gen" ("general strike"),
        /// PROTEST: a limited strike.
        StrikeLimited = "strike-lim" ("limited strike"),
        /// PROTEST: a hunger strike.
        StrikeHunger = "strike-hun" ("hunger strike"),
        /// PROTEST: a boycott.
        Boycott = "boycott",
        /// PROTEST: obstruction.
        Obstruct = "obstruct",
        /// MOBILIZE: troops.
        Troops = "troops",
        /// MOBILIZE: weapons.
        Weapons = "weapons",
        /// MOBILIZE: police.
        Police = "police",
        /// MOBILIZE: a militia.
        Militia = "militia",
        /// MOBILIZE: recruitment.
        Recruit = "recruit",
        /// COERCE: seizure.
        Seize = "seize",
        /// COERCE: confiscation.
        Confiscate = "confiscate",
        /// COERCE: censorship.
        Censor = "censor",
        /// COERCE: a curfew.
        Curfew = "curfew",
        /// COERCE: martial law.
        MartialLaw = "martial-law" ("martial law"),
        /// COERCE: deportation.
        Deport = "deport",
        /// COERCE: withholding.
        Withhold = "withhold",
        /// COERCE, ASSAULT: destruction.
        Destroy = "destroy",
        /// ASSAULT: abduction.
        Abduct = "abduct",
        /// ASSAULT: beating.
        Beat = "beat",
        /// ASSAULT: torture.
        Torture = "torture",
        /// ASSAULT: execution.
        Execute = "execute",
        /// ASSAULT: sexual violence.
        Sexual = "sexual",
        /// ASSAULT: assassination.
        Assassinate = "assassinate",
        /// ASSAULT: primitive weapons.
        Primitive = "primitive",
        /// ASSAULT: firearms.
        Firearms = "firearms",
        /// ASSAULT: explosives.
        Explosives = "explosives",
        /// ASSAULT: a suicide attack.
        SuicideAttack = "suicide-attack" ("suicide attack"),
        /// ASSAULT: heavy weapons.
        HeavyWeapons = "heavy-weapons" ("heavy weapons"),
        /// ASSAULT: from the air.
        Aerial = "aerial",
        /// ASSAULT: a drone.
        Drone = "drone",
        /// ASSAULT: chemical, biological, radiological or nuclear weapons.
        Cbrn = "cbrn" ("chemical, biological, radiological or nuclear"),
    }
}

impl PloverType {
    /// The quad class of the type (verbal/material × cooperation/conflict).
    pub const fn quad(self) -> Quad {
        use PloverType::*;
        match self {
            Agree | Consult | Support | Concede => Quad::VerbalCooperation,
            Cooperate | Aid | Retreat => Quad::MaterialCooperation,
            Request | Accuse | Reject | Threaten | Sanction => Quad::VerbalConflict,
            Protest | Mobilize | Coerce | Assault => Quad::MaterialConflict,
        }
    }

    /// The modes an event of this type may have (none for most verbal types).
    pub const fn modes(self) -> &'static [PloverMode] {
        use PloverMode::*;
        match self {
            PloverType::Consult => &[Visit, ThirdParty, Multilateral, Phone],
            PloverType::Aid => &[Economic, Military, Humanitarian, Asylum],
            PloverType::Retreat => &[Withdraw, Release, Return, Disarm, Ceasefire, Access, Resign],
            PloverType::Threaten => &[Restrict, Ban, Arrest, Relations, Expel, Territory, Violence],
            PloverType::Sanction => &[Convict, Cancel, Expel, Withdraw, Sever],
            PloverType::Protest => &[Demo, Riot, StrikeGeneral, StrikeLimited, StrikeHunger, Boycott, Obstruct],
            PloverType::Mobilize => &[Troops, Weapons, Police, Militia, Recruit],
            PloverType::Coerce => {
                &[Seize, Confiscate, Restrict, Ban, Censor, Curfew, MartialLaw, Arrest, Deport, Withhold, Destroy]
            }
            PloverType::Assault => &[
                Abduct,
                Beat,
                Torture,
                Execute,
                Sexual,
                Assassinate,
                Destroy,
                Primitive,
                Firearms,
                Explosives,
                SuicideAttack,
                HeavyWeapons,
                Aerial,
                Drone,
                Cbrn,
            ],
            PloverType::Agree
            | PloverType::Support
            | PloverType::Concede
            | PloverType::Cooperate
            | PloverType::Request
            | PloverType::Accuse
            | PloverType::Reject => &[],
        }
    }
}

string_vocab! {
    /// An ACLED event type (`AcledType.event_type`).
    pub enum AcledEventType ("ACLED event type") {
        /// Battles.
        Battles = "Battles",
        /// Explosions/Remote violence.
        ExplosionsRemoteViolence = "Explosions/Remote violence",
        /// Violence against civilians.
        ViolenceAgainstCivilians = "Violence against civilians",
        /// Protests.
        Protests = "Protests",
        /// Riots.
        Riots = "Riots",
        /// Strategic developments.
        StrategicDevelopments = "Strategic developments",
    }
}

string_vocab! {
    /// An ACLED sub-event type (`AcledType.sub_event_type`); each belongs to one event type.
    pub enum AcledSubEventType ("ACLED sub-event type") {
        /// Battles.
        ArmedClash = "Armed clash",
        /// Battles.
        GovernmentRegainsTerritory = "Government regains territory",
        /// Battles.
        NonStateActorOvertakesTerritory = "Non-state actor overtakes territory",
        /// Explosions/Remote violence.
        ChemicalWeapon = "Chemical weapon",
        /// Explosions/Remote violence.
        AirDroneStrike = "Air/drone strike",
        /// Explosions/Remote violence.
        SuicideBomb = "Suicide bomb",
        /// Explosions/Remote violence.
        ShellingArtilleryMissileAttack = "Shelling/artillery/missile attack",
        /// Explosions/Remote violence.
        RemoteExplosiveLandmineIed = "Remote explosive/landmine/IED",
        /// Explosions/Remote violence.
        Grenade = "Grenade",
        /// Violence against civilians.
        SexualViolence = "Sexual violence",
        /// Violence against civilians.
        Attack = "Attack",
        /// Violence against civilians.
        AbductionForcedDisappearance = "Abduction/forced disappearance",
        /// Protests.
        PeacefulProtest = "Peaceful protest",
        /// Protests.
        ProtestWithIntervention = "Protest with intervention",
        /// Protests.
        ExcessiveForceAgainstProtesters = "Excessive force against protesters",
        /// Riots.
        ViolentDemonstration = "Violent demonstration",
        /// Riots.
        MobViolence = "Mob violence",
        /// Strategic developments.
        Agreement = "Agreement",
        /// Strategic developments.
        Arrests = "Arrests",
        /// Strategic developments.
        ChangeToGroupActivity = "Change to group/activity",
        /// Strategic developments.
        DisruptedWeaponsUse = "Disrupted weapons use",
        /// Strategic developments.
        HeadquartersOrBaseEstablished = "Headquarters or base established",
        /// Strategic developments.
        LootingPropertyDestruction = "Looting/property destruction",
        /// Strategic developments.
        NonViolentTransferOfTerritory = "Non-violent transfer of territory",
        /// Strategic developments.
        Other = "Other",
    }
}

impl AcledEventType {
    /// The sub-event types of this event type, in ACLED's order.
    pub fn sub_event_types(self) -> &'static [AcledSubEventType] {
        let all = AcledSubEventType::ALL;
        let start = all.iter().position(|s| s.event_type() == self).unwrap_or(all.len());
        let len = all[start..].iter().take_while(|s| s.event_type() == self).count();
        &all[start..start + len]
    }
}

impl AcledSubEventType {
    /// The event type this sub-event type belongs to.
    pub const fn event_type(self) -> AcledEventType {
        use AcledSubEventType::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => AcledEventType::Battles,
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosiveLandmineIed
            | Grenade => AcledEventType::ExplosionsRemoteViolence,
            SexualViolence | Attack | AbductionForcedDisappearance => AcledEventType::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => AcledEventType::Protests,
            ViolentDemonstration | MobViolence => AcledEventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | Other => AcledEventType::StrategicDevelopments,
        }
    }
}
