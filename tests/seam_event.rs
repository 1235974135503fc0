//! The generated event types (src/seam_event.rs) against the generated
//! examples (catalogue/examples.json): every example decodes to the variant of
//! its event type and serialises back to an equal JSON value; unknown fields
//! land in `extra`, in order, at every depth; UUIDs are `uuid::Uuid`.

use connect_webview_events::{
    AccessCodeChangedEventChangedProperties, ErrorsItem, LockAccessDeniedEventReason, SeamEvent, SeamEventType,
};
use serde_json::{json, Value};
use uuid::Uuid;

fn examples() -> serde_json::Map<String, Value> {
    let text = include_str!("../catalogue/examples.json");
    let Value::Object(mut doc) = serde_json::from_str(text).unwrap() else { panic!("examples.json is not an object") };
    let Some(Value::Object(examples)) = doc.remove("examples") else { panic!("examples.json has no examples") };
    examples
}

/// The `kind` example of `event_type`, as a JSON value.
fn example(event_type: &str, kind: &str) -> Value {
    examples()[event_type][kind].clone()
}

#[test]
fn every_example_decodes_to_its_variant_and_serialises_back_unchanged() {
    let mut count = 0;
    for (event_type, kinds) in examples() {
        for (kind, example) in kinds.as_object().unwrap() {
            let event = SeamEvent::from_value(example.clone()).unwrap_or_else(|e| panic!("{event_type} {kind}: {e}"));
            assert_eq!(event.event_type(), event_type, "{kind}");
            assert_eq!(serde_json::to_value(&event).unwrap(), *example, "{event_type} {kind}");
            let from_text: SeamEvent = serde_json::from_str(&example.to_string()).unwrap();
            assert_eq!(from_text, event, "{event_type} {kind}: from_str");
            count += 1;
        }
    }
    // Minimal and full of every event type, and nulls of some (227 at 1.977.0).
    assert!(count > 2 * SeamEvent::EVENT_TYPES.len(), "{count}");
}

#[test]
fn every_event_type_of_the_catalogue_is_a_variant_in_order() {
    let types: Vec<String> = examples().keys().cloned().collect();
    assert!(!types.is_empty());
    assert_eq!(SeamEvent::EVENT_TYPES.to_vec(), types);
}

#[test]
fn every_event_type_parses_from_its_name_and_serialises_as_it() {
    let all: Vec<SeamEventType> = SeamEventType::all().collect();
    assert_eq!(all.iter().map(|t| t.as_str()).collect::<Vec<_>>(), SeamEvent::EVENT_TYPES.to_vec());
    for t in all {
        assert_eq!(t.as_str().parse::<SeamEventType>(), Ok(t));
        assert_eq!(serde_json::to_value(t).unwrap(), json!(t.as_str()));
        assert_eq!(serde_json::from_value::<SeamEventType>(json!(t.as_str())).unwrap(), t);
    }
    // An event's own type, for a map keyed by type or a metric label.
    for (event_type, kinds) in examples() {
        let event = SeamEvent::from_value(kinds["minimal"].clone()).unwrap();
        assert_eq!(event.event_type().parse::<SeamEventType>().map(|t| t.as_str()), Ok(event_type.as_str()));
    }
    assert!(serde_json::from_value::<SeamEventType>(json!(1)).is_err());
}

#[test]
fn unknown_fields_land_in_extra_in_order_at_every_depth() {
    let mut value = example("access_code.changed", "full");
    value["zz_last_in_the_alphabet"] = json!(1);
    value["aa_first_in_the_alphabet"] = json!({"nested": [true]});
    value["changed_properties"][1]["zz"] = json!("z");
    value["changed_properties"][1]["aa"] = json!(null);
    let event = SeamEvent::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&event).unwrap(), value);
    let SeamEvent::AccessCodeChanged(event) = event else { panic!("{event:?}") };
    assert_eq!(event.extra.keys().collect::<Vec<_>>(), ["zz_last_in_the_alphabet", "aa_first_in_the_alphabet"]);
    assert_eq!(event.extra["aa_first_in_the_alphabet"], json!({"nested": [true]}));
    let changed: &[AccessCodeChangedEventChangedProperties] = event.changed_properties.as_deref().unwrap();
    assert!(changed[0].extra.is_empty());
    assert_eq!(changed[1].extra.keys().collect::<Vec<_>>(), ["zz", "aa"]);

    let mut value = example("lock.access_denied", "full");
    value["reason"]["zz"] = json!(2);
    value["reason"]["aa"] = json!(3);
    let SeamEvent::LockAccessDenied(event) = SeamEvent::from_value(value).unwrap() else { panic!() };
    let reason: LockAccessDeniedEventReason = event.reason.unwrap();
    assert_eq!(reason.extra.keys().collect::<Vec<_>>(), ["zz", "aa"]);
}

#[test]
fn event_type_is_not_kept_in_extra() {
    let SeamEvent::DeviceConnected(event) = SeamEvent::from_value(example("device.connected", "minimal")).unwrap()
    else {
        panic!()
    };
    assert!(event.extra.is_empty(), "{:?}", event.extra);
}

#[test]
fn uuid_fields_are_uuids() {
    let SeamEvent::AccessCodeDelayInSettingOnDevice(event) =
        SeamEvent::from_value(example("access_code.delay_in_setting_on_device", "full")).unwrap()
    else {
        panic!()
    };
    let id: Uuid = event.access_code_id;
    assert_eq!(id, "00000000-0000-4000-8000-000000000001".parse::<Uuid>().unwrap());
    let errors: Vec<ErrorsItem> = event.device_errors;
    assert_eq!(errors.len(), 2);

    let SeamEvent::AccessGrantDeleted(event) = SeamEvent::from_value(example("access_grant.deleted", "full")).unwrap()
    else {
        panic!()
    };
    let _: Uuid = event.access_grant_id;

    let SeamEvent::ThermostatClimatePresetActivated(event) =
        SeamEvent::from_value(example("thermostat.climate_preset_activated", "nulls")).unwrap()
    else {
        panic!()
    };
    let schedule: Option<Uuid> = event.thermostat_schedule_id;
    assert_eq!(schedule, None);
}

#[test]
fn arrays_of_uuids_are_vecs_of_uuids() {
    let value = example("space.created", "full");
    let SeamEvent::SpaceCreated(event) = SeamEvent::from_value(value.clone()).unwrap() else { panic!() };
    let ids: Vec<Uuid> = event.acs_entrance_ids;
    let sent: Vec<&str> = value["acs_entrance_ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(ids.iter().map(Uuid::to_string).collect::<Vec<_>>(), sent);
    assert_eq!(sent.len(), 2);
}

#[test]
fn an_upper_case_uuid_decodes_and_serialises_in_lower_case() {
    let mut value = example("device.connected", "minimal");
    value["device_id"] = json!("0000000A-0000-4000-8000-00000000000B");
    let event = SeamEvent::from_value(value).unwrap();
    assert_eq!(serde_json::to_value(&event).unwrap()["device_id"], "0000000a-0000-4000-8000-00000000000b");
}

#[test]
fn an_optional_nullable_field_tells_absent_from_null() {
    let decode = |value: Value| {
        let SeamEvent::DeviceDeleted(event) = SeamEvent::from_value(value.clone()).unwrap() else { panic!() };
        assert_eq!(serde_json::to_value(SeamEvent::DeviceDeleted(event.clone())).unwrap(), value);
        event.device_name
    };
    assert_eq!(decode(example("device.deleted", "minimal")), None);
    assert_eq!(decode(example("device.deleted", "nulls")), Some(None));
    assert_eq!(decode(example("device.deleted", "full")), Some(Some("device_name text".into())));
}

#[test]
fn an_error_names_the_member_at_every_depth() {
    let mut value = example("access_code.changed", "full");
    value["changed_properties"][1]["from"] = json!(7);
    let error = SeamEvent::from_value(value).unwrap_err().to_string();
    assert_eq!(error, "changed_properties: from: invalid type: integer `7`, expected a string");
}

#[test]
fn a_required_nullable_field_must_be_present() {
    let mut value = example("thermostat.climate_preset_activated", "full");
    value.as_object_mut().unwrap().remove("thermostat_schedule_id");
    let error = SeamEvent::from_value(value).unwrap_err();
    assert_eq!(error.to_string(), "missing field `thermostat_schedule_id`");
}

#[test]
fn integral_numbers_serialise_as_javascript_writes_them() {
    let mut value = example("thermostat.temperature_threshold_exceeded", "full");
    value["temperature_fahrenheit"] = json!(70);
    value["temperature_celsius"] = json!(-3);
    value["lower_limit_celsius"] = json!(1e300);
    value["upper_limit_celsius"] = json!(-0.0);
    let event = SeamEvent::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&event).unwrap(), value);
    assert!(serde_json::to_string(&event).unwrap().contains(r#""temperature_fahrenheit":70,"#));
}

#[test]
fn custom_metadata_keeps_order_and_proto_keys() {
    let mut value = example("device.connected", "full");
    value["device_custom_metadata"] = json!({"z": "last", "__proto__": true, "a": "first"});
    let event = SeamEvent::from_value(value.clone()).unwrap();
    assert_eq!(serde_json::to_value(&event).unwrap(), value);
    let SeamEvent::DeviceConnected(event) = event else { panic!() };
    let metadata = event.device_custom_metadata.unwrap();
    assert_eq!(metadata.keys().collect::<Vec<_>>(), ["z", "__proto__", "a"]);
    let mut bad = value;
    bad["device_custom_metadata"] = json!({"n": 1});
    let error = SeamEvent::from_value(bad).unwrap_err().to_string();
    assert_eq!(error, "device_custom_metadata: invalid type: integer `1`, expected a string or a boolean");
}

#[test]
fn an_unknown_event_type_is_an_error_naming_it() {
    let mut value = example("device.connected", "minimal");
    value["event_type"] = json!("device.teleported");
    let error = SeamEvent::from_value(value).unwrap_err().to_string();
    assert!(error.starts_with("unknown variant `device.teleported`, expected one of"), "{error}");
}

#[test]
fn enum_fields_are_enums() {
    let SeamEvent::LockLocked(event) = SeamEvent::from_value(example("lock.locked", "full")).unwrap() else { panic!() };
    let method = serde_json::to_value(event.method).unwrap();
    assert_eq!(method, example("lock.locked", "full")["method"]);
}

#[test]
fn what_is_not_an_event_is_an_error_saying_so() {
    let error = |value: Value| SeamEvent::from_value(value).unwrap_err().to_string();
    assert_eq!(error(json!([1])), "invalid type: sequence, expected an event object");
    assert_eq!(error(json!({"event_id": "x"})), "missing field `event_type`");
    assert_eq!(error(json!({"event_type": 7})), "invalid type: integer `7`, expected an event_type string");
    assert_eq!(
        serde_json::from_str::<SeamEvent>(r#"{"event_type": "device.connected"}"#).unwrap_err().to_string(),
        "invalid Seam event: /connected_account_id: expected field \"connected_account_id\" (a UUID), found no such key (missing_field), and 5 more issues"
    );
}

#[test]
fn deserialising_checks_every_field_as_decode_does() {
    let mut value = example("connect_webview.login_failed", "full");
    assert!(serde_json::from_value::<SeamEvent>(value.clone()).is_ok());
    // What the types alone would take: a braced UUID, a date that is not one.
    value["event_id"] = json!("{00000000-0000-4000-8000-000000000001}");
    assert!(SeamEvent::from_value(value.clone()).is_ok());
    let error = serde_json::from_value::<SeamEvent>(value.clone()).unwrap_err().to_string();
    assert!(error.starts_with("invalid Seam event: /event_id: ") && error.ends_with("(invalid_uuid)"), "{error}");
    value["event_id"] = example("connect_webview.login_failed", "full")["event_id"].clone();
    value["created_at"] = json!("yesterday");
    let error = serde_json::from_str::<SeamEvent>(&value.to_string()).unwrap_err().to_string();
    assert!(error.starts_with("invalid Seam event: /created_at: ") && error.contains("(invalid_datetime)"), "{error}");
}
