import { registerEnumType } from 'type-graphql';
import { ConsentForm, InformationCategory } from '../../domain/consent/consent-rules';

registerEnumType(ConsentForm, { name: 'ConsentForm' });
registerEnumType(InformationCategory, { name: 'InformationCategory', description: 'What a consent lets the agencies share.' });

export { ConsentForm, InformationCategory };
